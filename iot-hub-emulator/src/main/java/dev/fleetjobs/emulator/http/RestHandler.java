package dev.fleetjobs.emulator.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.fleetjobs.emulator.auth.Principal;
import dev.fleetjobs.emulator.auth.SasAuthenticator;
import dev.fleetjobs.emulator.errors.IotHubErrorException;
import dev.fleetjobs.emulator.errors.IotHubErrors;
import dev.fleetjobs.emulator.json.Json;
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

/**
 * Turns HTTP requests into route calls: method override, routing, SAS authorization, and
 * the hub's JSON responses and error bodies. Never blocks the event loop.
 */
@Sharable
final class RestHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

	static final String JSON_CONTENT_TYPE = "application/json; charset=utf-8";

	private static final Logger log = LoggerFactory.getLogger(RestHandler.class);

	private final Router router;

	private final SasAuthenticator authenticator;

	private final CallGate gate;

	private final Supplier<CompletableFuture<Void>> commit;

	/**
	 * @param gate counts, throttles, delays or fails calls before their handler runs
	 * @param commit a commit of the store: a call that changes state is answered only
	 * once its change is committed
	 */
	RestHandler(Router router, SasAuthenticator authenticator, CallGate gate,
			Supplier<CompletableFuture<Void>> commit) {
		this.router = router;
		this.authenticator = authenticator;
		this.gate = gate;
		this.commit = commit;
	}

	@Override
	protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
		boolean keepAlive = HttpUtil.isKeepAlive(request);
		String method = request.method().name();
		String override = request.headers().get("X-HTTP-Method-Override");
		if ("POST".equals(method) && override != null) {
			method = override.trim().toUpperCase(java.util.Locale.ROOT);
		}
		QueryStringDecoder uri = new QueryStringDecoder(request.uri());
		String verb = method;
		CompletionStage<RestResponse> result;
		try {
			result = dispatch(method, uri, request);
		}
		catch (RuntimeException ex) {
			result = CompletableFuture.failedFuture(ex);
		}
		result.whenComplete((response, error) -> {
			FullHttpResponse http = (error == null) ? toHttp(response) : toHttp(error, verb + " " + uri.rawPath());
			if (log.isDebugEnabled()) {
				log.debug("{} {} -> {}", verb, uri.rawPath(), http.status().code());
			}
			if (keepAlive) {
				HttpUtil.setKeepAlive(http, true);
				ctx.writeAndFlush(http);
			}
			else {
				ctx.writeAndFlush(http).addListener(ChannelFutureListener.CLOSE);
			}
		});
	}

	private CompletionStage<RestResponse> dispatch(String method, QueryStringDecoder uri, FullHttpRequest request) {
		if (!request.decoderResult().isSuccess()) {
			throw IotHubErrors.argumentInvalid("The HTTP request is malformed.");
		}
		Router.Match match = this.router.find(method, uri.rawPath());
		String authorization = request.headers().get(HttpHeaderNames.AUTHORIZATION);
		if (match == null || match.route() == null) {
			this.authenticator.authorizeService(authorization, null);
			throw IotHubErrors.notImplemented(method + " " + uri.rawPath());
		}
		Principal principal = this.authenticator.authorizeService(authorization, match.route().permission());
		Map<String, String> params = new HashMap<>();
		match.params().forEach((name, value) -> params.put(name, decode(value)));
		RestRequest rest = new RestRequest(method, uri.rawPath(), params, uri.parameters(), request.headers(),
				ByteBufUtil.getBytes(request.content()), principal);
		Router.Route route = match.route();
		CompletionStage<RestResponse> response = this.gate.admit(route.operation().name())
			.thenCompose((admitted) -> route.handler().handle(rest));
		return route.operation().mutating()
				? response.thenCompose((done) -> this.commit.get().thenApply((committed) -> done)) : response;
	}

	static FullHttpResponse toHttp(RestResponse response) {
		byte[] body = (response.body() != null) ? Json.bytes(response.body()) : new byte[0];
		FullHttpResponse http = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
				HttpResponseStatus.valueOf(response.status()), Unpooled.wrappedBuffer(body));
		if (response.body() != null) {
			http.headers().set(HttpHeaderNames.CONTENT_TYPE, JSON_CONTENT_TYPE);
		}
		http.headers().set(HttpHeaderNames.CONTENT_LENGTH, body.length);
		response.headers().forEach(http.headers()::set);
		return http;
	}

	static FullHttpResponse toHttp(Throwable error, String operation) {
		Throwable cause = (error instanceof CompletionException && error.getCause() != null) ? error.getCause() : error;
		IotHubErrorException hubError;
		if (cause instanceof IotHubErrorException known) {
			hubError = known;
		}
		else {
			log.warn("{} failed", operation, cause);
			hubError = IotHubErrors.serverError("The emulator failed to process " + operation + ".");
		}
		FullHttpResponse http = toHttp(new RestResponse(hubError.httpStatus(), IotHubErrors.body(hubError),
				Map.of("iothub-errorcode", hubError.errorName())));
		http.headers().set(HttpHeaderNames.CONTENT_TYPE, JSON_CONTENT_TYPE);
		return http;
	}

	@Override
	public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
		log.debug("HTTPS connection closed after an error: {}", cause.toString());
		ctx.close();
	}

	private static String decode(String segment) {
		try {
			return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw IotHubErrors.argumentInvalid("The path segment '" + segment + "' is not URL-encoded correctly.");
		}
	}

}
