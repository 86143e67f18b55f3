import Foundation
import NHILogin

/// A QR / TW FidO login token as the store keeps it: the token and where it stands.
public struct LoginTokenRecord: Sendable, Hashable, Codable {
    /// The token issued at the counter.
    public let token: LoginToken
    /// When the phone confirmed it.
    public var confirmedAt: Date?
    /// When the counter used it for a login.
    public var consumedAt: Date?

    /// Creates a record.
    public init(token: LoginToken, confirmedAt: Date? = nil, consumedAt: Date? = nil) {
        self.token = token
        self.confirmedAt = confirmedAt
        self.consumedAt = consumedAt
    }
}
