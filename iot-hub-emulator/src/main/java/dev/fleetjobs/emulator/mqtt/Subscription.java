package dev.fleetjobs.emulator.mqtt;

/** The topic filters a device may subscribe to on the hub. */
enum Subscription {

	/** {@code $iothub/methods/POST/#} */
	METHODS,

	/** {@code $iothub/twin/res/#} */
	TWIN_RESPONSES,

	/** {@code $iothub/twin/PATCH/properties/desired/#} */
	DESIRED,

	/** {@code devices/{id}/messages/devicebound/#} */
	CLOUD_TO_DEVICE

}
