@testable import KioskModel
import NHICore
import Testing

@Suite("Visitor card: shown on insert, wiped on removal")
@MainActor
struct VisitorCardTests {
    let reader = "Virtual PCD 00 00"

    @Test("inserting a card on the home screen opens the panel with the identity, ID masked")
    func insert() async {
        let fixture = Fixture()
        await fixture.signIn()
        #expect(fixture.shell.screen == .home)
        fixture.shell.handle(.inserted(reader: reader, card: visitorCard()))
        #expect(fixture.shell.screen == .visitor)
        #expect(fixture.shell.visitor.card?.name == "王小明")
        let rows = fixture.shell.visitor.identityRows(.traditionalChinese)
        #expect(rows.map(\.label) == ["姓名", "身分證號", "出生日期", "性別", "健保卡號", "發卡日期"])
        #expect(rows[1].value == "A12345****")
        #expect(rows[2].value == "民國 085/05/04")
        #expect(rows[3].value == "男")
        #expect(rows[4].value == "********5678")
        #expect(!rows.map(\.value).joined().contains("A123456789"))
        let english = fixture.shell.visitor.identityRows(.english)
        #expect(english[2].value == "1996-05-04 (ROC 085/05/04)")
        #expect(english[3].value == "male")
    }

    @Test("removing the card wipes the visitor and the visitor's flows, on every screen",
          arguments: Screen.allCases.filter { $0 != .locked && $0 != .signIn })
    func removal(screen: Screen) async {
        let fixture = Fixture()
        let visitorFlow = FormStandIn(screen: .visitor, isVisitorData: true)
        let staffForm = FormStandIn(screen: .enrol, isVisitorData: false)
        fixture.shell.register(visitorFlow)
        fixture.shell.register(staffForm)
        await fixture.signIn()
        fixture.shell.handle(.inserted(reader: reader, card: visitorCard()))
        fixture.shell.open(screen)
        fixture.shell.handle(.removed(reader: reader))
        #expect(fixture.shell.visitor.card == nil)
        #expect(fixture.shell.visitor.state == .removed)
        #expect(visitorFlow.content == nil)
        #expect(staffForm.content != nil, "card removal leaves the staff's own forms alone")
        #expect(fixture.shell.staff != nil, "card removal does not sign the staff out")
    }

    @Test("a card removed from another reader leaves the visitor alone")
    func otherReader() async {
        let fixture = Fixture()
        await fixture.signIn()
        fixture.shell.handle(.inserted(reader: reader, card: visitorCard()))
        fixture.shell.handle(.removed(reader: "Virtual PCD 00 01"))
        #expect(fixture.shell.visitor.card != nil)
    }

    @Test("with a configured reader, other readers' cards are ignored")
    func configuredReader() async {
        let fixture = Fixture(readerName: reader)
        await fixture.signIn()
        fixture.shell.handle(.inserted(reader: "Virtual PCD 00 01", card: visitorCard()))
        #expect(fixture.shell.visitor.card == nil)
        #expect(fixture.shell.screen == .home)
        fixture.shell.handle(.inserted(reader: reader, card: visitorCard()))
        #expect(fixture.shell.visitor.card != nil)
    }

    @Test("cards inserted while nobody is signed in are the staff's own and never shown")
    func signedOut() {
        let fixture = Fixture()
        fixture.shell.handle(.inserted(reader: reader, card: visitorCard()))
        #expect(fixture.shell.visitor.card == nil)
        #expect(fixture.shell.screen == .signIn)
    }

    @Test("a new card replaces the previous visitor")
    func nextVisitor() async {
        let fixture = Fixture()
        await fixture.signIn()
        fixture.shell.handle(.inserted(reader: reader, card: visitorCard()))
        fixture.shell.handle(.removed(reader: reader))
        fixture.shell.handle(.inserted(reader: reader, card: visitorCard(id: "F131104093", name: "林美華")))
        #expect(fixture.shell.visitor.card?.name == "林美華")
        #expect(KioskSnapshot(fixture.shell).visitorMaskedID == "F13110****")
    }

    @Test("an unreadable card shows its error; removing it clears the error")
    func unreadable() async {
        let fixture = Fixture()
        await fixture.signIn()
        let error = PresentableError(code: "9057", message: "卡片無法辨識", messageEn: "card not recognised")
        fixture.shell.handle(.unreadable(reader: reader, error: error))
        #expect(fixture.shell.screen == .visitor)
        #expect(fixture.shell.visitor.state == .unreadable(error, reader: reader))
        fixture.shell.handle(.removed(reader: reader))
        #expect(fixture.shell.visitor.state == .removed)
    }

    @Test("an unplugged reader wipes the visitor")
    func readerLost() async {
        let fixture = Fixture()
        await fixture.signIn()
        fixture.shell.handle(.inserted(reader: reader, card: visitorCard()))
        fixture.shell.handle(.readerLost(reader: reader))
        #expect(fixture.shell.visitor.card == nil)
        #expect(fixture.shell.visitor.state == .readerLost(reader: reader))
    }

    @Test("events arrive through the SDK's stream once the shell is started")
    func stream() async {
        let fixture = Fixture()
        await fixture.signIn()
        fixture.shell.start()
        fixture.cards.continuation.yield(.inserted(reader: reader, card: visitorCard()))
        #expect(await eventually { fixture.shell.visitor.card != nil })
        #expect(fixture.shell.screen == .visitor)
        fixture.cards.continuation.yield(.removed(reader: reader))
        #expect(await eventually { fixture.shell.visitor.state == .removed })
        fixture.shell.stop()
    }

    @Test("signing out and locking wipe the visitor")
    func signOutAndLock() async {
        let fixture = Fixture()
        await fixture.signIn()
        fixture.shell.handle(.inserted(reader: reader, card: visitorCard()))
        fixture.shell.signOut()
        #expect(fixture.shell.visitor.card == nil)
        await fixture.signIn()
        fixture.shell.handle(.inserted(reader: reader, card: visitorCard()))
        fixture.shell.lock(.manual)
        #expect(fixture.shell.visitor.card == nil)
        #expect(fixture.shell.visitor.state == .waiting)
    }
}
