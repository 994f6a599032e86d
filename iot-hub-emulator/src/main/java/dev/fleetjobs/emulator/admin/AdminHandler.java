package dev.fleetjobs.emulator.admin;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.fleetjobs.emulator.auth.Permission;
import dev.fleetjobs.emulator.auth.Principal;
import dev.fleetjobs.emulator.auth.SasAuthenticator;
import dev.fleetjobs.emulator.errors.IotHubErrorException;
import dev.fleetjobs.emulator.json.Json;
import dev.fleetjobs.emulator.throttling.TierProfile;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The admin API (README "Admin and fault injection"): {@code /admin/tier},
 * {@code /admin/faults}, {@code /admin/calls} and {@code /admin/devices/.../disconnect}.
 * Every call needs a service SAS token of a policy with RegistryWrite and ServiceConnect
 * (e.g. iothubowner); errors are {@code application/problem+json}.
 */
@Sharable
final class AdminHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

	private static final Logger log = LoggerFactory.getLogger(AdminHandler.class);

	private final AdminApi api;

	private final SasAuthenticator authenticator;

	AdminHandler(AdminApi api, SasAuthenticator authenticator) {
		this.api = api;
		this.authenticator = authenticator;
	}

	@Override
	protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
		FullHttpResponse response;
		try {
			authorize(request.headers().get(HttpHeaderNames.AUTHORIZATION));
			String path = new QueryStringDecoder(request.uri()).path();
			JsonNode body = request.content().isReadable() ? parse(ByteBufUtil.getBytes(request.content())) : null;
			response = json(200, route(request.method().name(), path, body));
		}
		catch (AdminException ex) {
			response = problem(ex.status, ex.getMessage());
		}
		catch (IotHubErrorException ex) {
			response = problem(401, ex.getMessage());
		}
		catch (IllegalArgumentException ex) {
			response = problem(400, ex.getMessage());
		}
		catch (RuntimeException ex) {
			log.warn("Admin call {} {} failed", request.method(), request.uri(), ex);
			response = problem(500, "The emulator failed to process the admin call.");
		}
		boolean keepAlive = HttpUtil.isKeepAlive(request);
		HttpUtil.setKeepAlive(response, keepAlive);
		ctx.writeAndFlush(response)
			.addListener(keepAlive ? ChannelFutureListener.CLOSE_ON_FAILURE : ChannelFutureListener.CLOSE);
	}

	private JsonNode route(String method, String path, JsonNode body) {
		String[] parts = path.replaceAll("/+$", "").split("/");
		String key = method + " " + String.join("/", parts);
		switch (key) {
			case "GET /admin/tier":
				return tierJson();
			case "PUT /admin/tier":
				this.api.tier(TierProfile.parse(FaultJson.requiredText(body, "tier")));
				return tierJson();
			case "GET /admin/calls":
				return Json.MAPPER.valueToTree(this.api.calls().snapshot());
			case "DELETE /admin/calls":
				this.api.calls().reset();
				return Json.object().put("reset", true);
			case "GET /admin/faults":
				return FaultJson.list(this.api.faults().list());
			case "POST /admin/faults":
				return Json.object().put("id", this.api.faults().inject(FaultJson.read(body)));
			case "DELETE /admin/faults":
				this.api.faults().clear();
				return Json.object().put("cleared", true);
			case "POST /admin/devices/disconnect":
				return Json.object().put("disconnected", this.api.disconnectAllDevices());
			default:
				return routeWithId(method, parts);
		}
	}

	private JsonNode routeWithId(String method, String[] parts) {
		if ("DELETE".equals(method) && parts.length == 4 && "faults".equals(parts[2])) {
			if (!this.api.faults().remove(parts[3])) {
				throw new AdminException(404, "No fault with id '" + parts[3] + "'.");
			}
			return Json.object().put("removed", parts[3]);
		}
		if ("POST".equals(method) && parts.length == 5 && "devices".equals(parts[2]) && "disconnect".equals(parts[4])) {
			return Json.object().put("disconnected", this.api.disconnect(parts[3]) ? 1 : 0);
		}
		throw new AdminException(404, "No admin operation " + method + " " + String.join("/", parts)
				+ "; see the README, section \"Admin and fault injection\".");
	}

	private ObjectNode tierJson() {
		TierProfile tier = this.api.tier();
		ObjectNode json = Json.object().put("tier", tier.toString());
		if (!tier.unlimited()) {
			json.put("maxConcurrentJobs", tier.maxConcurrentJobs())
				.put("jobOperationsPerMinute", tier.jobOperationsPerMinute())
				.put("jobDeviceOperationsPerSecond", tier.jobDeviceOperationsPerSecond())
				.put("queriesPerMinute", tier.queriesPerMinute());
		}
		return json;
	}

	private void authorize(String authorization) {
		Principal principal = this.authenticator.authorizeService(authorization, null);
		if (!principal.permissions().containsAll(EnumSet.of(Permission.REGISTRY_WRITE, Permission.SERVICE_CONNECT))) {
			throw new AdminException(403, "The admin API needs a policy with RegistryWrite and ServiceConnect, e.g. "
					+ "iothubowner; '" + principal.policyName() + "' lacks them.");
		}
	}

	private static JsonNode parse(byte[] body) {
		try {
			return Json.MAPPER.readTree(body);
		}
		catch (JacksonException ex) {
			throw new AdminException(400, "The body is not valid JSON: " + ex.getOriginalMessage());
		}
	}

	private static FullHttpResponse json(int status, JsonNode body) {
		return response(status, body, "application/json");
	}

	private static FullHttpResponse problem(int status, String detail) {
		log.debug("Admin call refused ({}): {}", status, detail);
		ObjectNode body = Json.object()
			.put("type", "https://fleetjobs.dev/problems/emulator-admin-" + status)
			.put("title", HttpResponseStatus.valueOf(status).reasonPhrase())
			.put("status", status)
			.put("detail", detail);
		return response(status, body, "application/problem+json");
	}

	private static FullHttpResponse response(int status, JsonNode body, String contentType) {
		byte[] bytes = Json.text(body).getBytes(StandardCharsets.UTF_8);
		FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
				HttpResponseStatus.valueOf(status), Unpooled.wrappedBuffer(bytes));
		response.headers()
			.set(HttpHeaderNames.CONTENT_TYPE, contentType)
			.set(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
		return response;
	}

	@Override
	public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
		log.debug("Admin connection closed after an error: {}", cause.toString());
		ctx.close();
	}

	/** An admin call that cannot be served, with its HTTP status. */
	static final class AdminException extends RuntimeException {

		final int status;

		AdminException(int status, String message) {
			super(message, null, false, false);
			this.status = status;
		}

	}

}
