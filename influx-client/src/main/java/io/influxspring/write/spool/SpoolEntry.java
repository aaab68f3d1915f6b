package io.influxspring.write.spool;

/**
 * A batch that a {@link BatchSpool} holds, without its lines: {@link BatchSpool#read(long)} reads
 * them.
 * @param id the batch's id in its spool
 * @param lineCount the number of lines
 * @param byteCount the number of bytes of line protocol, line feeds included
 *
 * @since 0.1.0
 */
public record SpoolEntry(long id, int lineCount, int byteCount) {
}
