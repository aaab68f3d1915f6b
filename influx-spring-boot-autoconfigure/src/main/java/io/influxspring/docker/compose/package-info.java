/**
 * Docker Compose service connections to InfluxDB containers.
 */
@NullMarked
package io.influxspring.docker.compose;

import org.jspecify.annotations.NullMarked;
