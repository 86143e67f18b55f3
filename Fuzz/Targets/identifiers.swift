// modules: NHICore
// Fuzzes every NHICore parser: national and resident IDs, UBN, unit codes, card numbers,
// phones, e-mail, ROC dates and months, passwords, PINs, money, relations, normalisers and
// auto-detection. Invariants checked on every input:
// - no parser crashes or hangs;
// - a value that parses re-parses from its canonical form to an equal value;
// - normalising twice changes nothing more (idempotence);
// - ValueCheck is valid exactly when it has no errors, and never echoes a password.
@testable import NHICore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)

    for normalizer in [Normalizer.identifier, .text] {
        let once = normalizer.normalize(text)
        let twice = normalizer.normalize(once.value)
        precondition(twice.value == once.value && twice.changes.isEmpty, "normaliser not idempotent")
    }
    let id = Normalizer.identifier.normalize(text).value
    if let v = try? NationalID(parsing: id) { precondition((try? NationalID(parsing: v.rawValue)) == v) }
    if let v = try? ResidentID(parsing: id) { precondition((try? ResidentID(parsing: v.rawValue)) == v) }
    if let v = try? PersonalID(parsing: id) { precondition((try? PersonalID(parsing: v.rawValue)) == v) }
    if let v = try? UBN(parsing: id) { precondition((try? UBN(parsing: v.rawValue)) == v) }
    _ = try? UnitCode(parsing: id)
    _ = try? LabourInsuranceNumber(parsing: id)
    _ = try? NHICardNumber(parsing: id)
    _ = try? CertificateCardNumber(parsing: id)
    let t = Normalizer.text.normalize(text).value
    if let v = try? MobileNumber(parsing: t) { precondition((try? MobileNumber(parsing: v.rawValue)) == v) }
    if let v = try? LandlineNumber(parsing: t) { precondition((try? LandlineNumber(parsing: v.rawValue)) == v, "landline round trip") }
    if let v = try? EmailAddress(parsing: t) { precondition((try? EmailAddress(parsing: v.rawValue)) == v) }
    if let v = try? ROCDate(parsing: t) {
        for style in ROCDate.Style.allCases { precondition((try? ROCDate(parsing: v.formatted(style))) == v, "ROC round trip") }
        precondition((try? ROCDate(v.gregorian)) == v)
    }
    if let v = try? ROCMonth(parsing: t) { precondition((try? ROCMonth(parsing: v.compact)) == v) }
    if let v = try? CalendarDate(iso: t) { precondition(CalendarDate(daysSinceEpoch: v.daysSinceEpoch) == v) }
    _ = try? RegistrationPassword(text)
    _ = RegistrationPassword.strength(of: text)
    _ = try? PIN(text)
    _ = try? Money(parsing: t)
    _ = try? DependantRelation(parsing: text)
    _ = try? PersonName(text)
    for kind in [nil] + ValueKind.allCases.map(Optional.some) {
        let check = ValueCheck.check(text, as: kind)
        precondition(check.isValid == check.errors.isEmpty)
        if kind == .password { precondition(check.input == "******" && check.normalized == nil) }
    }
    return 0
}
