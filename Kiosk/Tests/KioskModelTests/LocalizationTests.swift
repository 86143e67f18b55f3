@testable import KioskModel
import NHICore
import Testing

@Suite("Localisation: zh-Hant by default, English on request, one table")
@MainActor
struct LocalizationTests {
    /// One instance of every `Text` case (with sample arguments).
    static let samples: [Text] = {
        var all: [Text] = [
            .appTitle, .windowTitle, .demoBanner, .demoNotConnected, .kioskBanner, .switchLanguage, .lock, .signOut, .back, .home, .ok, .cancel,
            .staffBadge(name: "王小明", role: .operator), .notConnectedTitle, .notConnected(module: "NHIService"),
            .idleWarning(secondsLeft: 9), .keepWorking, .exitNeedsAdministrator, .leaveKioskTitle, .leaveKioskMessage,
            .leave, .notAllowed, .methodPicker, .passwordLabel, .ownerLogin, .unitCodeLabel, .idLabel, .birthDateLabel,
            .otpLabel, .pinLabel, .pinEntered(count: 4), .keypadDelete, .keypadClear, .keypadDigit(7), .signInButton,
            .clearButton, .generateQR, .regenerateQR, .qrRemaining(seconds: 175), .qrExpired, .qrWaiting, .signingIn,
            .signInUnavailable, .required, .homeTitle, .welcome(name: "王小明", role: .administrator), .visitorWaiting,
            .visitorRemoved, .visitorReaderLost(reader: "R"), .visitorReader(reader: "R"), .cardName, .cardID,
            .cardBirthDate, .cardSex, .cardNumber, .cardIssued, .cardDate(roc: "085/05/04", iso: "1996-05-04"),
            .sex(.male), .sex(.female), .error(PresentableError(code: "9039", message: "密碼不正確", messageEn: "wrong password")), .lockedTitle, .lockReason(.idle), .lockReason(.manual),
            .unlock, .settingsReader, .settingsReaderAutomatic, .settingsReaderFreeText, .settingsPKCS11,
            .settingsDatabase, .settingsLanguage, .settingsIdle, .settingsOptionalPath, .settingsSave, .settingsSaved,
            .settingsFile(path: "/x"), .settingsInvalid, .doctorRun, .doctorRunning,
        ]
        all += Screen.allCases.map { .screenTitle($0) }
        all += LoginMethod.allCases.flatMap { [.method($0), .methodHint($0), .qrAlternative($0)] }
        all += KioskTask.allCases.flatMap { [.task($0), .taskHint($0)] }
        all += [ReaderCheck.Outcome.ok, .warning, .failed].map { .doctorOutcome($0) }
        all.append(.doctorCheck(ReaderCheck(outcome: .failed, subject: "PC/SC 服務", subjectEn: "PC/SC service",
                                            detail: "無法連線", detailEn: "not reachable")))
        return all
    }()

    @Test("every string exists in both languages")
    func bothLanguages() {
        for text in Self.samples {
            #expect(!text.localized(.traditionalChinese).isEmpty, "\(text) has no Chinese")
            #expect(!text.localized(.english).isEmpty, "\(text) has no English")
        }
    }

    @Test("Chinese strings are Chinese; English strings are not, except names quoted on purpose")
    func scripts() {
        func hasCJK(_ s: String) -> Bool { s.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } }
        let englishMayQuoteChinese: Set<Text> = [.methodHint(.nhiAppOTP), .methodHint(.nhiAppQR),
                                                 .staffBadge(name: "王小明", role: .operator),
                                                 .welcome(name: "王小明", role: .administrator)]
        for text in Self.samples {
            let en = text.localized(.english)
            if !englishMayQuoteChinese.contains(text) {
                #expect(!hasCJK(en), "English for \(text) contains Chinese: \(en)")
            }
        }
        for text in [Text.appTitle, .lock, .signInButton, .visitorRemoved, .lockedTitle, .screenTitle(.settings)] {
            #expect(hasCJK(text.localized(.traditionalChinese)))
        }
    }

    @Test("the seeds' wording is used where the NHI screens have it")
    func seedWording() {
        #expect(Text.method(.nhiAppQR).localized(.traditionalChinese) == "健保卡 QRCode")
        #expect(Text.passwordLabel.localized(.traditionalChinese) == "註冊密碼")
        #expect(Text.task(.batchUpload).localized(.traditionalChinese) == "健保卡註冊申請整批資料上傳")
        #expect(Text.task(.uploadRecords).localized(.traditionalChinese) == "健保卡註冊申請上傳紀錄查詢")
        #expect(Text.staffBadge(name: "林", role: .operator).localized(.traditionalChinese) == "林（承辦人）")
    }

    @Test("the QR countdown reads m:ss, like the TW FidO screen's 2:55")
    func countdown() {
        #expect(Text.qrRemaining(seconds: 175).localized(.english) == "QR code valid for 2:55")
        #expect(Text.qrRemaining(seconds: 5).localized(.traditionalChinese).hasSuffix("0:05"))
    }

    @Test("language tags", arguments: [("zh-Hant", Language.traditionalChinese), ("zh-TW", .traditionalChinese),
                                       ("EN", .english), ("en", .english)])
    func tags(tag: String, language: Language) {
        #expect(Language(tag: tag) == language)
    }

    @Test("unknown language tags are refused")
    func unknownTag() {
        #expect(Language(tag: "ja") == nil)
        #expect(Language(tag: "") == nil)
    }

    @Test("the shell starts in zh-Hant and switches to English and back")
    func shellSwitch() {
        let fixture = Fixture()
        #expect(fixture.shell.language == .traditionalChinese)
        #expect(KioskSnapshot(fixture.shell).title == "承辦人登入")
        fixture.shell.toggleLanguage()
        #expect(fixture.shell.language == .english)
        #expect(KioskSnapshot(fixture.shell).title == "Staff sign-in")
        fixture.shell.setLanguage(.traditionalChinese)
        #expect(KioskSnapshot(fixture.shell).language == "zh-Hant")
    }

    @Test("switching the language keeps the screen, the session and what was typed")
    func switchKeepsState() async {
        let fixture = Fixture()
        await fixture.signIn()
        fixture.shell.open(.doctor)
        fixture.shell.toggleLanguage()
        #expect(fixture.shell.screen == .doctor)
        #expect(fixture.shell.staff != nil)
    }

    @Test("errors are shown with their code in the chosen language")
    func presentable() throws {
        let error = PresentableError(SeedCodeError.wrongPassword)
        #expect(error.text(.traditionalChinese) == "錯誤 9039：密碼不正確")
        #expect(error.text(.english) == "Error 9039: wrong password")
        let internalCode = PresentableError(code: "form.required", message: "姓名：此欄位必填", messageEn: "Name: required")
        #expect(internalCode.text(.traditionalChinese) == "姓名：此欄位必填", "internal codes go to the log, not the screen")
        #expect(internalCode.text(.english) == "Name: required")
        struct Opaque: Error { let secret = "Abcd1234!" }
        let unexpected = PresentableError(Opaque())
        #expect(unexpected.code == "kiosk.unexpected")
        #expect(!unexpected.message.contains("Abcd1234!"))
    }
}
