package dev.fleetjobs.emulator.methods;

/**
 * Port: delivers method requests to connected devices (implemented by the MQTT endpoint).
 */
public interface MethodTransport {

	/**
	 * Sends the request when the device is connected and subscribed to methods.
	 * @return false when the device cannot take method calls now
	 */
	boolean send(String deviceId, String methodName, String requestId, byte[] payload);

}
