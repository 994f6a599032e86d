package dev.fleetjobs.support.kafka;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.fleetjobs.contracts.TypeNames;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;

import org.springframework.kafka.support.mapping.DefaultJacksonJavaTypeMapper;
import org.springframework.kafka.support.mapping.JacksonJavaTypeMapper;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;

/**
 * How every service puts the contracts on Kafka: JSON whose {@code __TypeId__} header is
 * the logical type name ({@link TypeNames}), both ways. Shared so that a type written by
 * one service is read under the same name by the others.
 */
public final class ContractSerdes {

	/** Every contract package. */
	public static final String ALL_CONTRACTS = "dev.fleetjobs.contracts.*";

	private ContractSerdes() {
	}

	/** JSON with the logical type name in the header. */
	public static JacksonJsonSerializer<Object> jsonSerializer() {
		return new JacksonJsonSerializer<>().typeMapper(typeMapper(ALL_CONTRACTS));
	}

	/**
	 * The producers' value serializer: contracts as {@link #jsonSerializer() JSON}, and
	 * {@code byte[]} as it is (the original bytes of a dead letter).
	 */
	public static Serializer<Object> valueSerializer() {
		JacksonJsonSerializer<Object> json = jsonSerializer();
		Map<Class<?>, Serializer<?>> delegates = new LinkedHashMap<>();
		delegates.put(byte[].class, new ByteArraySerializer());
		TypeNames.all().values().forEach((type) -> delegates.put(type, json));
		return new DelegatingByTypeSerializer(delegates);
	}

	/**
	 * The consumers' value deserializer: by the logical type header only, into classes of
	 * the trusted packages; a record that cannot be read becomes a
	 * {@code DeserializationException} for the listener or error handler instead of
	 * blocking its partition.
	 * @param trustedPackages e.g. {@link #ALL_CONTRACTS} or a few contract packages
	 */
	public static ErrorHandlingDeserializer<Object> valueDeserializer(String... trustedPackages) {
		return new ErrorHandlingDeserializer<>(new JacksonJsonDeserializer<>().typeMapper(typeMapper(trustedPackages)));
	}

	private static DefaultJacksonJavaTypeMapper typeMapper(String... trustedPackages) {
		DefaultJacksonJavaTypeMapper typeMapper = new DefaultJacksonJavaTypeMapper();
		typeMapper.setIdClassMapping(TypeNames.all());
		typeMapper.addTrustedPackages(trustedPackages);
		typeMapper.setTypePrecedence(JacksonJavaTypeMapper.TypePrecedence.TYPE_ID);
		return typeMapper;
	}

}
