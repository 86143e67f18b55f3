import KioskModel
import NHISignIn

/// The SDK's staff sign-in is the kiosk's authenticator as it is: the kiosk adds no rule of
/// its own (roles and permissions come from the service).
extension StaffSignIn: StaffAuthenticator {}

/// The SDK's staff sign-in registers units at the counter as it is (the card read and the
/// rules are the SDK's).
extension StaffSignIn: UnitRegistrar {}
