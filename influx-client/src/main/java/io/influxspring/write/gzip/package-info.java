/**
 * Gzip of request bodies: a deflate encoder made for line protocol, whose output any inflater
 * reads (RFC 1951 and 1952). Internal to the writer.
 */
@NullMarked
package io.influxspring.write.gzip;

import org.jspecify.annotations.NullMarked;
