/**
 * The durable spool: sealed batches of line protocol kept in append-only segment files so that
 * they survive an outage or a crash of the application, until acknowledged.
 */
@NullMarked
package io.influxspring.write.spool;

import org.jspecify.annotations.NullMarked;
