/**
 * Auto-configuration of what the starter adds to Actuator's endpoints.
 */
@NullMarked
package io.influxspring.autoconfigure.actuate;

import org.jspecify.annotations.NullMarked;
