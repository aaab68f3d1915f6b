/**
 * Auto-configuration of a managed {@link io.influxspring.write.WriteApi} from {@code influx.*}
 * properties or an {@link io.influxspring.autoconfigure.InfluxConnectionDetails} bean.
 */
@NullMarked
package io.influxspring.autoconfigure;

import org.jspecify.annotations.NullMarked;
