@testable import KioskModel
import Foundation
import NHICore
import NHIService
import NHITestSupport
import Testing

@Suite("Statements and payments: the premium calculation, the statement catalogue, the payment certificate, electronic payment slips")
@MainActor
struct StatementsTests {
    @Test("last month's calculation with masked IDs; a statement requested, pending, produced by the statement run, opened (IDs masked on screen, whole in print)")
    func statements() async throws {
        let fixture = try ServiceFixture()
        await fixture.signIn()
        #expect(fixture.shell.tasks.contains(.statements) && fixture.shell.open(.statements))
        let model = fixture.shell.statements
        let lastMonth = try ROCMonth(ServiceFixture.today.adding(months: -1))
        #expect(model.detailMonthText == lastMonth.compact && model.monthText == lastMonth.compact)
        await model.loadDetail()
        let detail = try #require(model.detail.result)
        #expect(!detail.lines.isEmpty && detail.month == lastMonth)
        let first = try #require(detail.lines.first)
        let shown = model.line(first, .traditionalChinese)
        #expect(shown.contains(first.personID.masked) && !shown.contains(first.personID.rawValue), "\(shown)")
        let summary = Text.statements(.detailSummary(detail)).localized(.traditionalChinese)
        #expect(summary.contains(detail.amountDue.display))

        model.detailMonthText = "11513"
        await model.loadDetail()
        #expect(model.detailMonthError != nil, "a month that does not exist is named at the field")

        #expect(!model.kinds.contains(.mediaFilingFile) && model.kinds.contains(.premiumDetail), "only what can be requested is offered")
        model.kind = .premiumDetail
        await model.request()
        let requested = try #require(model.requestStatus.result)
        #expect(requested.status == .pending && model.requests.result?.first?.id == requested.id)
        #expect(!model.offersDownload(requested))
        await model.open(requested)
        #expect(model.table == .idle, "a pending statement is not opened")
        _ = try fixture.service.statements.generatePending()
        await model.loadRequests()
        let ready = try #require(model.requests.result?.first { $0.id == requested.id })
        #expect(model.offersDownload(ready) && model.line(ready, .traditionalChinese).contains("可下載"))
        await model.open(ready)
        let table = try #require(model.table.result)
        let idColumn = try #require(table.rows.first?.firstIndex { (try? PersonalID(parsing: $0)) != nil }, "the f5 statement lists IDs")
        let id = try #require(table.rows.first?[idColumn])
        let rows = model.screenRows(table)
        #expect(rows.first?.contains(try PersonalID(parsing: id).masked) == true && !rows.joined().contains(id), "masked on screen")
        let print = model.printLines(table, .traditionalChinese)
        #expect(print.first?.text == table.title && print.contains { $0.text.contains(id) }, "the print is the statement as it is")

        model.kind = .insuredAmountTotals
        #expect(model.takesRange)
        model.throughText = "11413"
        await model.request()
        #expect(model.throughError != nil)
        model.wipePersonalData()
        #expect(model.table == .idle && model.requests == .idle && model.detailMonthText.isEmpty)
    }

    @Test("the payment certificate lists the unit's payments with a total; reversed ranges and no category are refused before asking")
    func certificate() async throws {
        let fixture = try ServiceFixture()
        await fixture.signIn()
        #expect(fixture.shell.open(.payments))
        let model = fixture.shell.payments
        #expect(await eventually { model.subscription.result != nil })
        await model.loadCertificate()
        let certificate = try #require(model.certificate.result)
        #expect(!certificate.lines.isEmpty && certificate.total > .zero, "the demo's payment is certified")
        let print = model.printLines(certificate, .traditionalChinese)
        #expect(print.first?.text == "全民健康保險投保單位保險費繳納證明" && print.last?.text.contains(certificate.total.display) == true)
        model.general = false
        model.supplementary = false
        await model.loadCertificate()
        #expect(model.noCategory && model.certificate.result == certificate, "nothing asked without a category")
        model.general = true
        model.fromText = model.throughText
        model.throughText = "11401"
        await model.loadCertificate()
        #expect(model.certificate.error?.code == KioskError.Code.rangeReversed.rawValue)
    }

    @Test("electronic slips: subscribe with a checked address, change it, cancel only after the alert; the service's rules decide")
    func ePayment() async throws {
        let fixture = try ServiceFixture()
        await fixture.signIn()
        #expect(fixture.shell.open(.payments))
        let model = fixture.shell.payments
        #expect(await eventually { model.subscription.result != nil })
        #expect(model.subscription.result! == nil, "not subscribed yet")
        model.emailText = "not-an-address"
        await model.subscribe()
        #expect(model.error(.email) != nil && model.change == .idle)
        model.emailText = "billing@demo.example"
        model.transferResultNotice = true
        await model.subscribe()
        let subscribed = try #require(model.change.result)
        #expect(subscribed.active && subscribed.transferResultNotice)
        #expect(try fixture.service.ePaymentSlips.subscription(unit: subscribed.unitCode)?.active == true)
        #expect(model.subscription.result??.email.rawValue == "billing@demo.example")
        model.requestCancel()
        #expect(model.askingCancel)
        model.dismissCancel()
        #expect(try fixture.service.ePaymentSlips.subscription(unit: subscribed.unitCode)?.active == true, "保留 cancels nothing")
        model.requestCancel()
        await model.confirmCancel()
        #expect(model.change.result?.active == false && model.subscription.result??.active == false)
        #expect(try fixture.service.ePaymentSlips.subscription(unit: subscribed.unitCode)?.active == false)
        let message = Text.payments(.cancelMessage(subscribed, paperFrom: model.changeEffectiveMonth)).localized(.traditionalChinese)
        #expect(message.contains(model.changeEffectiveMonth.compact) && message.contains("billing@demo.example"))
    }
}
