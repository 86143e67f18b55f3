import NHILogin

// The service's clocks drive the login flows too (one notion of "now" per program).
extension SystemClock: LoginClock {}
extension ManualClock: LoginClock {}
