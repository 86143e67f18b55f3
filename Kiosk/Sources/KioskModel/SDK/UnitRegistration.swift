import NHICore
import NHIService

/// **SDK contract (NHISignIn):** registers a unit for online services at the counter
/// (單位註冊作業, SPEC §3) — NHISignIn's `StaffSignIn` (KioskSDK makes it one).
///
/// The registrar reads the card itself (the organisation certificate after its PIN, or the
/// owner's NHI card) and the service applies every rule: a certificate whose UBN is not the
/// unit's, an owner's card of someone else or not registered for online services, a wrong
/// or expired app code, a unit already registered — each refused with its code.
public protocol UnitRegistrar: Sendable {
    /// Registers `unit`, proved by `credential`; with `ownerIsAdministrator` the owner is
    /// assigned as the unit's first administrator.
    func registerUnit(_ unit: InsuredUnit, with credential: UnitRegistrationCredential,
                      ownerIsAdministrator: Bool) async throws -> UnitAccount
}
