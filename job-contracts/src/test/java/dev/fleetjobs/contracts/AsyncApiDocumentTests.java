package dev.fleetjobs.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the AsyncAPI document in step with the code: every topic in {@link Topics} is a
 * channel, every payload in {@link TypeNames} is a message whose payload is its JSON
 * Schema, and the CloudEvents and dead-letter headers are all described.
 */
class AsyncApiDocumentTests {

	private static JsonNode document;

	@BeforeAll
	static void readDocument() throws IOException {
		try (InputStream in = AsyncApiDocumentTests.class.getResourceAsStream("/asyncapi.yaml")) {
			assertThat(in).as("asyncapi.yaml on the classpath").isNotNull();
			document = YAMLMapper.builder().build().readTree(in);
		}
	}

	@Test
	void givenTheDocumentThenItIsAsyncApi3() {
		assertThat(document.path("asyncapi").asString()).startsWith("3.0");
	}

	@Test
	void givenEveryTopicInTopicsThenExactlyThoseAreChannelAddresses() {
		Set<String> topics = constants(Topics.class);
		topics.remove(Topics.DLT_SUFFIX);

		Set<String> addresses = new HashSet<>();
		document.path("channels").forEach((channel) -> addresses.add(channel.path("address").asString()));

		assertThat(addresses).containsExactlyInAnyOrderElementsOf(topics);
	}

	@Test
	void givenEveryChannelThenSomeOperationPublishesItAndItsMessagesAreListed() {
		document.path("channels").forEachEntry((name, channel) -> {
			String ref = "#/channels/" + name;
			assertThat(operations("send", ref)).as("a send operation on %s", name).isNotEmpty();
			assertThat(channel.path("messages").propertyNames()).as("messages of %s", name).isNotEmpty();
		});
	}

	@Test
	void givenEveryPayloadTypeThenItIsAMessageWhosePayloadIsItsSchema() {
		JsonNode messages = document.path("components").path("messages");
		for (String name : TypeNames.all().keySet()) {
			JsonNode message = messages.path(name);
			assertThat(message.isObject()).as("message %s", name).isTrue();
			String ref = message.path("payload").path("schema").path("$ref").asString("");
			assertThat(ref).as("payload of %s", name).isEqualTo("schemas/" + name + ".schema.json");
			assertThat(AsyncApiDocumentTests.class.getResource("/" + ref)).as(ref).isNotNull();
			assertThat(message.path("bindings").path("kafka").path("key").isObject()).as("key of %s", name).isTrue();
		}
	}

	@Test
	void givenTheHeaderSchemasThenEveryCloudEventsAndDeadLetterHeaderIsDescribed() {
		JsonNode schemas = document.path("components").path("schemas");
		Set<String> cloudEvents = constants(CloudEventHeaders.class);
		cloudEvents.removeAll(Set.of(CloudEventHeaders.SPEC_VERSION_VALUE, CloudEventHeaders.JSON));

		assertThat(schemas.path("CloudEventHeaders").path("properties").propertyNames()).containsAll(cloudEvents)
			.contains("__TypeId__");
		assertThat(schemas.path("DeadLetterHeaders").path("properties").propertyNames())
			.containsAll(constants(DltHeaders.class));
	}

	@Test
	void givenEveryLocalReferenceThenItResolves() {
		List<String> refs = new ArrayList<>();
		collectRefs(document, refs);
		assertThat(refs).isNotEmpty();
		refs.stream()
			.filter((ref) -> ref.startsWith("#/"))
			.forEach((ref) -> assertThat(document.at(ref.substring(1)).isMissingNode()).as(ref).isFalse());
	}

	private static List<JsonNode> operations(String action, String channelRef) {
		List<JsonNode> found = new ArrayList<>();
		document.path("operations").forEach((operation) -> {
			if (action.equals(operation.path("action").asString())
					&& channelRef.equals(operation.path("channel").path("$ref").asString())) {
				found.add(operation);
			}
		});
		return found;
	}

	private static void collectRefs(JsonNode node, List<String> refs) {
		if (node.isObject() && node.has("$ref")) {
			refs.add(node.get("$ref").asString());
		}
		node.forEach((child) -> collectRefs(child, refs));
	}

	private static Set<String> constants(Class<?> holder) {
		return java.util.Arrays.stream(holder.getFields())
			.filter((field) -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
			.map(AsyncApiDocumentTests::value)
			.collect(Collectors.toCollection(HashSet::new));
	}

	private static String value(Field field) {
		try {
			return (String) field.get(null);
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
