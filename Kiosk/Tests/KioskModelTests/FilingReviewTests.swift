import Foundation
@testable import KioskModel
import NHICore
import NHIService
import NHITestSupport
import Testing

/// Habit 2: every filing shows what it will send, and is sent only after the person
/// confirms; a half-filled form is not dropped without asking.
@Suite("Review before filing: who, what, when, how much, and the dependants who go too")
@MainActor
struct FilingReviewTests {
    func signedIn(_ screen: Screen) async throws -> ServiceFixture {
        let fixture = try ServiceFixture()
        await fixture.signIn()
        #expect(fixture.shell.open(screen))
        return fixture
    }

    @Test("enrolment: 送出 shows the review (masked ID, date, amount, grade); nothing is filed until it is confirmed")
    func enrolment() async throws {
        let fixture = try await signedIn(.enrol)
        let form = fixture.shell.enrolment
        let before = try fixture.filedToday().count
        form.idText = "G276543219"
        form.nameText = "周怡君"
        form.birthDateText = "0850504"
        form.salaryText = "36000"
        #expect(fixture.shell.leavingDiscardsInput, "a half-filled form asks before it is left")
        form.requestReview()
        let review = try #require(form.review)
        #expect(review.kind == .enrolment)
        let message = review.message(.traditionalChinese)
        #expect(message.contains("周怡君 G27654****") && !message.contains("G276543219"), "who, masked: \(message)")
        #expect(message.contains("民國 115/11/23"), "the effective date: \(message)")
        #expect(message.contains("36,300 元") && message.contains("級"), "the amount and grade: \(message)")
        #expect(review.message(.english).contains("NT$36,300"))
        #expect(try fixture.filedToday().count == before, "nothing filed by the review")

        form.cancelReview()
        #expect(form.review == nil && form.status == .idle)
        #expect(try fixture.filedToday().count == before, "返回修改 files nothing")

        form.requestReview()
        await form.confirmReview()
        #expect(form.review == nil)
        #expect(form.status.result?.name == "周怡君")
        #expect(try fixture.filedToday().count == before + 1)
        #expect(!fixture.shell.leavingDiscardsInput, "once filed, nothing is lost by leaving")
        await form.confirmReview()
        #expect(try fixture.filedToday().count == before + 1, "a review is confirmed once")
    }

    @Test("an incomplete form shows its errors instead of a review")
    func incomplete() async throws {
        let fixture = try await signedIn(.enrol)
        let form = fixture.shell.enrolment
        form.idText = "G276543219"
        form.requestReview()
        #expect(form.review == nil)
        #expect(form.error(.name) != nil, "the missing name is pointed out")
    }

    @Test("withdrawal: the review names the dependants who leave with the person")
    func withdrawal() async throws {
        let fixture = try await signedIn(.withdraw)
        let form = fixture.shell.withdrawal
        #expect(await eventually { form.roster.lines.count == 11 })
        form.idText = DemoData.employee.id.rawValue
        form.transferOutText = "1151127"
        form.requestReview()
        let review = try #require(form.review)
        #expect(Set(review.people.map(\.name)) == ["李美玲", "王小華"])
        #expect(review.people.allSatisfy { $0.maskedID.hasSuffix("****") && $0.relation != nil })
        let message = review.message(.traditionalChinese)
        #expect(message.contains("一併轉出之眷屬") && message.contains("李美玲") && message.contains("王小華"), "\(message)")
        #expect(message.contains("王小明 \(DemoData.employee.id.masked)") && message.contains("民國 115/11/27"), "\(message)")
        #expect(message.contains("離職"))
        #expect(!message.contains(DemoData.employee.id.rawValue))
        await form.confirmReview()
        #expect(form.status.result?.kind == .withdraw)
    }

    @Test("salary adjustment: old → new amount, grade and the 1st of next month")
    func salaryAdjustment() async throws {
        let fixture = try await signedIn(.salaryAdjustment)
        let form = fixture.shell.salaryAdjustment
        #expect(await eventually { !form.roster.lines.isEmpty })
        form.idText = DemoData.employee.id.rawValue
        form.salaryText = "45000"
        form.requestReview()
        let review = try #require(form.review)
        let message = review.message(.traditionalChinese)
        #expect(message.contains("→ 45,800 元") && message.contains("民國 115/12/01"), "\(message)")
        #expect(message.contains("王小明"))
        form.startOver()
        #expect(form.review == nil, "starting over drops the review")
    }

    @Test("bulk adjustment: one line per person, filed only when confirmed")
    func bulk() async throws {
        let fixture = try await signedIn(.bulkSalaryAdjustment)
        let model = fixture.shell.bulkAdjustment
        #expect(await eventually { !model.rows.isEmpty })
        let before = try fixture.filedToday().count
        model.requestReview()
        let review = try #require(model.review)
        #expect(review.people.count == model.selectedCount)
        #expect(review.people.allSatisfy { $0.change != nil && $0.maskedID.hasSuffix("****") })
        #expect(try fixture.filedToday().count == before)
        await model.confirmReview()
        #expect(model.status.result?.count == review.people.count)
        #expect(try fixture.filedToday().count == before + review.people.count)
    }

    @Test("a lock wipes a review that was up (no personal data stays on screen)")
    func lockWipes() async throws {
        let fixture = try await signedIn(.enrol)
        let form = fixture.shell.enrolment
        form.idText = "G276543219"
        form.nameText = "周怡君"
        form.birthDateText = "0850504"
        form.salaryText = "36000"
        form.requestReview()
        #expect(form.review != nil)
        fixture.shell.lock(.manual)
        #expect(form.review == nil)
    }
}
