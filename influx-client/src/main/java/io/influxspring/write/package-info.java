/**
 * The public write API: {@link io.influxspring.write.WriteApi}, {@link io.influxspring.write.Point},
 * options, listener signals and exceptions.
 */
@NullMarked
package io.influxspring.write;

import org.jspecify.annotations.NullMarked;
