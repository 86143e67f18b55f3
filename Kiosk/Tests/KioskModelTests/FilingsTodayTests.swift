@testable import KioskModel
import NHICore
import NHIService
import NHITestSupport
import Testing

@Suite("Today's filings: same-day deletion after an alert, and the check results after the nightly conversion")
@MainActor
struct FilingsTodayTests {
    /// Signs in, files an enrolment through the form (reviewed and confirmed), opens the screen.
    func withFiling() async throws -> (ServiceFixture, FilingsTodayModel, Filing) {
        let fixture = try ServiceFixture()
        await fixture.signIn()
        #expect(fixture.shell.open(.enrol))
        let form = fixture.shell.enrolment
        form.idText = "G276543219"
        form.nameText = "周怡君"
        form.birthDateText = "0850504"
        form.salaryText = "36000"
        form.requestReview()
        await form.confirmReview()
        let filing = try #require(form.status.result)
        #expect(fixture.shell.tasks.contains(.filings))
        #expect(fixture.shell.open(.filings))
        let model = fixture.shell.filingsToday
        #expect(await eventually { model.today.result != nil })
        return (fixture, model, filing)
    }

    @Test("today's filing is listed (ID masked) and deleted only after the alert is answered 刪除")
    func sameDayDelete() async throws {
        let (fixture, model, filing) = try await withFiling()
        let listed = try #require(model.today.result?.first { $0.id == filing.id })
        let line = model.line(listed, .traditionalChinese)
        #expect(line.contains("周怡君 G27654****") && line.contains("待轉檔") && !line.contains("G276543219"), "\(line)")
        #expect(model.offersDelete(listed))
        model.requestDelete(listed)
        #expect(model.pendingDelete == listed)
        model.cancelDelete()
        #expect(try fixture.filedToday().first { $0.id == filing.id }?.status == .pending, "取消 deletes nothing")
        model.requestDelete(listed)
        await model.confirmDelete()
        #expect(model.deleteStatus.result == listed)
        #expect(try fixture.filedToday().first { $0.id == filing.id }?.status == .deleted)
        let after = try #require(model.today.result?.first { $0.id == filing.id })
        #expect(!model.offersDelete(after) && model.line(after, .traditionalChinese).contains("已刪除"))
    }

    @Test("after the nightly conversion: the service refuses a deletion; the check result is listed")
    func afterConversion() async throws {
        let (fixture, model, filing) = try await withFiling()
        fixture.serviceClock.set(ServiceFixture.today, hour: 22, minute: 45)
        _ = try fixture.service.filings.runNightlyConversion()
        await model.loadToday()
        let converted = try #require(model.today.result?.first { $0.id == filing.id })
        model.requestDelete(converted)
        await model.confirmDelete()
        #expect(model.deleteStatus.error?.code == ServiceError.Code.filingNotDeletable.rawValue)
        #expect(model.fromText == ServiceFixture.today.adding(months: -2).rocCompact && model.throughText == ServiceFixture.today.rocCompact)
        await model.loadResults()
        let result = try #require(model.results.result?.first { $0.id == filing.id })
        #expect(result.status == .accepted || result.status == .rejected)
        #expect(model.line(result, .traditionalChinese).contains(result.status == .accepted ? "審核正確" : "檢核錯誤"))
    }

    @Test("a range beyond the service's two months is refused by the service; a bad date is shown at the field")
    func range() async throws {
        let (_, model, _) = try await withFiling()
        model.fromText = "1150101"
        await model.loadResults()
        #expect(model.results.error?.code == ServiceError.Code.filingQueryRange.rawValue)
        model.fromText = "11501"
        await model.loadResults()
        #expect(model.fromError != nil)
    }
}
