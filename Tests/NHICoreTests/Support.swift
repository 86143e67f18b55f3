import Foundation
import Testing

/// The SPEC §11 vectors, bundled with the tests.
struct Spec11: Decodable {
    struct IDVectors: Decodable { let valid: [String]; let invalid: [[String]] }
    struct UBNVectors: Decodable { let validBothRules: [String]; let validOnlyNewRule: [String]; let invalid: [String] }
    let nationalID: IDVectors
    let residentIDNew: IDVectors
    let residentIDOld: IDVectors
    let ubn: UBNVectors
    let landline: [[String]]
    let landlineInvalid: [[String]]
    let rocDates: [[String]]
    let rocDatesInvalid: [[String]]
    let rocMonths: [[String]]

    static let shared: Spec11 = {
        let url = Bundle.module.url(forResource: "spec11", withExtension: "json", subdirectory: "Vectors")!
        return try! JSONDecoder().decode(Spec11.self, from: Data(contentsOf: url))
    }()
}

/// A small deterministic generator (SplitMix64) so property tests are reproducible.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
