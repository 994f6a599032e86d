package dev.fleetjobs.emulator.auth;

import dev.fleetjobs.emulator.errors.IotHubErrors;

/** Tokens that name a shared access policy ({@code skn}), signed with its key. */
final class PolicyAuthenticator implements Authenticator {

	private final AccessPolicies policies;

	PolicyAuthenticator(AccessPolicies policies) {
		this.policies = policies;
	}

	@Override
	public Principal authenticate(SasToken token, String deviceId) {
		if (token.keyName() == null) {
			return null;
		}
		AccessPolicy policy = this.policies.find(token.keyName());
		if (policy == null) {
			throw IotHubErrors.unauthorized("The shared access policy '" + token.keyName() + "' does not exist.");
		}
		if (!token.signedWith(policy.primaryKey()) && !token.signedWith(policy.secondaryKey())) {
			throw IotHubErrors.unauthorized("The token signature does not match policy '" + policy.name() + "'.");
		}
		return Principal.policy(policy, deviceId);
	}

}
