import NHICore

/// The sliding-window limiter of the login routes, NHICore's `RateLimiter` (the card service
/// uses the same one per web origin).
public typealias RateLimiter = NHICore.RateLimiter
