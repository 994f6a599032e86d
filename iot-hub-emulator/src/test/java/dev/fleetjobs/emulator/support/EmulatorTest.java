package dev.fleetjobs.emulator.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test that talks to the JVM's shared emulator through the official SDKs; it may also
 * take the shared {@link SdkFleet} of 500 device clients.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith({ SharedEmulator.class, SharedFleet.class })
public @interface EmulatorTest {

}
