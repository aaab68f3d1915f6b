/**
 * Testcontainers service connections ({@code @ServiceConnection}) to InfluxDB containers.
 */
@NullMarked
package io.influxspring.testcontainers;

import org.jspecify.annotations.NullMarked;
