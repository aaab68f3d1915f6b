/**
 * Auto-configuration of the {@code influx} Actuator health contributor.
 */
@NullMarked
package io.influxspring.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
