/**
 * The Actuator health indicator of an InfluxDB writer.
 */
@NullMarked
package io.influxspring.health;

import org.jspecify.annotations.NullMarked;
