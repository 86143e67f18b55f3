@testable import KioskModel
import NHICore
import NHIService
import NHITestSupport
import Testing

@Suite("DemoData: the sample database the demo and these tests run on")
@MainActor
struct DemoDataTests {
    @Test("a unit with an administrator and an operator, a roster with dependants, one unpaid month")
    func sample() async throws {
        let fixture = try ServiceFixture()
        let admin = try fixture.service.staff.session(person: fixture.sample.administrator.id, unit: fixture.sample.unit.code,
                                                      credential: .nhiCard)
        let roster = try fixture.service.roster.inForce(unit: fixture.sample.unit.code, by: admin)
        #expect(roster.count == 11)
        #expect(roster.filter(\.isDependant).count == 3)
        #expect(roster.contains { $0.personID.isResident })
        let unpaid = try fixture.service.premiums.unpaid(payerKey: fixture.sample.unit.code.rawValue,
                                                         expectedPaymentDate: ServiceFixture.today, by: admin)
        #expect(unpaid.map(\.premiumMonth) == [fixture.sample.unpaidMonth])
        #expect(unpaid[0].lateFee.fee > .zero, "the unpaid month is overdue")
        let check = try fixture.service.accounts.checkPassword(personID: fixture.sample.operator.id, password: DemoData.staffPassword)
        #expect(check == .accepted(fixture.sample.operator.id))
        let staff = try fixture.service.staff.list(unit: fixture.sample.unit.code, by: admin)
        #expect(Set(staff.map(\.role)) == [.administrator, .operator])
        let proposal = try fixture.service.filings.proposeBulkAdjustment(unit: fixture.sample.unit.code, by: admin)
        #expect(proposal.changes.count == 1, "last year's lowest grade is not a grade of the newest table")
        #expect(proposal.excluded.count == 1, "the owner is an employer")
    }
}
