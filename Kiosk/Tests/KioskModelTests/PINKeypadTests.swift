@testable import KioskModel
import NHICore
import Testing

@Suite("PIN keypad never exposes digits")
@MainActor
struct PINKeypadTests {
    @Test("counts digits and shows dots only")
    func dots() {
        let keypad = PINKeypad()
        for digit in [1, 2, 3, 4] { keypad.press(digit) }
        #expect(keypad.count == 4)
        #expect(keypad.dots == "●●●●○○")
        #expect(!keypad.isComplete)
        keypad.press(5); keypad.press(6)
        #expect(keypad.isComplete)
        #expect(keypad.dots == "●●●●●●")
    }

    @Test("at most 8 digits; delete and clear")
    func limits() {
        let keypad = PINKeypad()
        for _ in 0..<12 { keypad.press(9) }
        #expect(keypad.count == 8)
        keypad.deleteLast()
        #expect(keypad.count == 7)
        keypad.clear()
        #expect(keypad.count == 0)
        keypad.deleteLast()
        #expect(keypad.count == 0)
    }

    @Test("printing, dumping and mirroring show no digit")
    func noLeaks() {
        let keypad = PINKeypad()
        for digit in [3, 1, 4, 1, 5, 9, 2, 6] { keypad.press(digit) }
        var dumped = ""
        dump(keypad, to: &dumped)
        let renderings = [String(describing: keypad), String(reflecting: keypad), dumped, "\(keypad)",
                          Mirror(reflecting: keypad).children.map { "\($0.label ?? ""):\($0.value)" }.joined()]
        for rendering in renderings {
            #expect(!rendering.contains("31415926"), "leaked: \(rendering)")
            // dump marks objects `#0`: the PIN uses no 0, so any other digit would be a leak.
            for digit in "1234569" { #expect(!rendering.contains(digit), "digit \(digit) in: \(rendering)") }
        }
    }

    @Test("the PIN is handed over once and the keypad is cleared")
    func takeOnce() throws {
        let keypad = PINKeypad()
        for digit in [1, 2, 3, 4, 5, 6] { keypad.press(digit) }
        let pin = try keypad.takePIN()
        #expect(pin.value == "123456")
        #expect(keypad.count == 0)
        #expect(String(describing: pin) == Masking.secret)
        #expect(throws: ValidationError(.pinLength)) { try keypad.takePIN() }
    }

    @Test("too short a PIN is refused with the PIN-length rule and still cleared")
    func tooShort() {
        let keypad = PINKeypad()
        for digit in [1, 2, 3, 4, 5] { keypad.press(digit) }
        #expect(throws: ValidationError(.pinLength)) { try keypad.takePIN() }
        #expect(keypad.count == 0)
    }

    @Test("the automation snapshot carries the count, never the digits or the password")
    func snapshot() {
        let fixture = Fixture()
        fixture.shell.signIn.method = .certificate
        for digit in [8, 6, 4, 2, 0, 7] { fixture.shell.signIn.keypad.press(digit) }
        fixture.shell.signIn.setPassword("Zz9!secret")
        let json = KioskSnapshot(fixture.shell).jsonLine()
        #expect(json.contains("\"pinDigitsEntered\":6"))
        #expect(!json.contains("864207"))
        #expect(!json.contains("Zz9!secret"))
    }
}
