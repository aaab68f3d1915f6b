/**
 * The engine behind {@link io.influxspring.write.WriteApi}: batches, the bounded buffer, flush
 * scheduling, the HTTP sender and retries. Built and tested with a plain builder and a
 * {@code WebClient}; knows nothing of Spring's application context.
 */
@NullMarked
package io.influxspring.write.engine;

import org.jspecify.annotations.NullMarked;
