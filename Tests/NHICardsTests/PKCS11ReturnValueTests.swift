import NHICards
import Testing

@Suite("PKCS#11 return values and the codes users see")
struct PKCS11ReturnValueTests {
    @Test("The six codes of seed 004 are 9000 + list position",
          arguments: [(0x0A0 as UInt, 9039, CardError.Code.pinIncorrect), (0x0A2, 9041, .pinLength), (0x0A4, 9043, .pinLocked),
                      (0x0B3, 9046, .tokenNotActivated), (0x0E0, 9056, .tokenAbsent), (0x0E1, 9057, .tokenUnrecognised)])
    func seedCodes(_ value: UInt, _ userCode: Int, _ code: CardError.Code) {
        let rv = PKCS11ReturnValue(rawValue: value)
        #expect(rv.servisignCode == userCode)
        let error = CardError(pkcs11: rv, during: "C_Login")
        #expect(error.code == code)
        #expect(error.userCode == userCode)
        #expect(error.pkcs11 == rv, "the CKR value stays beside the code")
        #expect(error.message.contains(String(userCode)))
        #expect(error.messageEn.contains(rv.name!))
    }

    @Test("The list is the v2.20 list: ascending, unique, CKR_OK first, CKR_FUNCTION_REJECTED last")
    func listShape() {
        let values = PKCS11ReturnValue.v220List.map(\.value)
        #expect(values == values.sorted())
        #expect(Set(values).count == values.count)
        #expect(PKCS11ReturnValue.v220List.first?.name == "CKR_OK")
        #expect(PKCS11ReturnValue.ok.servisignCode == 9000)
        #expect(PKCS11ReturnValue(rawValue: 0x200).servisignCode == 9000 + PKCS11ReturnValue.v220List.count - 1)
    }

    @Test("Any other CKR keeps its ServiSign number as a general PKCS#11 failure")
    func generalMapping() {
        let deviceError = CardError(pkcs11: .deviceError, during: "C_Sign")
        #expect(deviceError.code == .pkcs11Failure)
        #expect(deviceError.userCode == 9016)
        let mechanism = CardError(pkcs11: PKCS11ReturnValue(rawValue: 0x070), during: "C_SignInit")
        #expect(mechanism.userCode == 9034)
        #expect(mechanism.pkcs11?.name == "CKR_MECHANISM_INVALID")
    }

    @Test("Values added after v2.20 have no ServiSign position (they would shift every later code)")
    func laterAdditions() {
        let prohibited = PKCS11ReturnValue(rawValue: 0x01B)
        #expect(prohibited.name == "CKR_ACTION_PROHIBITED")
        #expect(prohibited.servisignCode == nil)
        #expect(CardError(pkcs11: prohibited, during: "C_Login").userCode == nil)
        #expect(PKCS11ReturnValue(rawValue: 0x8000_0001).name == nil)
    }
}
