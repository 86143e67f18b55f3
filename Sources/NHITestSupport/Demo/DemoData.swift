import Foundation
import NHICore
import NHIGrades
import NHIService

/// A sample database for demos and tests: one unit registered with its organisation
/// certificate (工商憑證, which signs in for the unit by itself), an administrator and an
/// operator who sign in with NHI card + password, an in-force roster with dependants and a
/// foreign national, premium bills with one unpaid month, and the people whose virtual cards
/// the demo offers.
///
/// Every person is invented; the IDs are valid by their checksums and belong to nobody.
/// Everything is written through `NHIService` (filings, the nightly conversion, bills and
/// payments), so the data obeys the service's rules exactly as real use would.
///
/// ```swift
/// let sample = try DemoData.seed(store, today: CalendarDate.today())
/// sample.administrator.password   // what to type on the sign-in screen
/// ```
public enum DemoData {
    /// A person of the sample, with what their NHI card holds.
    public struct Person: Sendable, Hashable {
        public let id: PersonalID
        public let name: String
        public let birthDate: CalendarDate
        public let cardNumber: NHICardNumber
        public let cardIssued: CalendarDate
        /// Their online-service registration password (staff only).
        public let password: String?
        /// What the demo's card tray calls them (`管理者`, `員工（未註冊網路服務）`…).
        public let role: String
        public let roleEn: String

        public var sex: Sex { id.sex }
    }

    /// The sample's people and unit.
    public struct Sample: Sendable {
        public let unit: InsuredUnit
        /// The owner, assigned as administrator; signs in with card + password.
        public let administrator: Person
        /// An operator without the right to file enrolments (the menu shows the difference).
        public let `operator`: Person
        /// Visitors whose cards the demo offers: an insured employee with dependants (not yet
        /// registered for online services), a dependant, a foreign national, a person insured
        /// nowhere.
        public let visitors: [Person]
        /// The staff password (both staff members use it).
        public let staffPassword: String
        /// The month whose bill is left unpaid.
        public let unpaidMonth: ROCMonth
    }

    /// The staff's registration password in the sample (strong: upper, lower, digit, symbol).
    public static let staffPassword = "Kiosk-2026a"

    private static func date(_ year: Int, _ month: Int, _ day: Int) -> CalendarDate {
        try! CalendarDate(year: year, month: month, day: day)  // constant, valid dates
    }

    private static func person(_ id: PersonalID, _ name: String, born: CalendarDate, card: String, issued: CalendarDate,
                               password: String? = nil, role: String, roleEn: String) -> Person {
        Person(id: id, name: name, birthDate: born, cardNumber: try! NHICardNumber(parsing: card), cardIssued: issued,
               password: password, role: role, roleEn: roleEn)
    }

    /// The people of the sample.
    public static let administrator = person(.national(.make(letter: "A", sex: .male, serial: 1_357_913)), "陳志明",
                                             born: date(1975, 3, 12), card: "000011112222", issued: date(2019, 6, 3),
                                             password: staffPassword, role: "管理者", roleEn: "administrator")
    public static let `operator` = person(.national(.make(letter: "B", sex: .female, serial: 2_468_024)), "林雅婷",
                                          born: date(1990, 8, 21), card: "000033334444", issued: date(2021, 2, 17),
                                          password: staffPassword, role: "承辦人", roleEn: "operator")
    public static let employee = person(.national(.make(letter: "F", sex: .male, serial: 3_141_592)), "王小明",
                                        born: date(1988, 5, 4), card: "000055556666", issued: date(2020, 1, 15),
                                        role: "員工，未註冊網路服務", roleEn: "employee, not registered online")
    public static let spouse = person(.national(.make(letter: "F", sex: .female, serial: 2_718_281)), "李美玲",
                                      born: date(1990, 2, 14), card: "000077778888", issued: date(2022, 9, 8),
                                      role: "眷屬", roleEn: "dependant")
    public static let child = person(.national(.make(letter: "F", sex: .male, serial: 1_618_033)), "王小華",
                                     born: date(2018, 9, 1), card: "000099990000", issued: date(2018, 10, 1),
                                     role: "眷屬", roleEn: "dependant")
    public static let foreignNational = person(.resident(try! ResidentID(parsing: "A800000014")), "NGUYEN VAN AN",
                                               born: date(1992, 4, 4), card: "000012121212", issued: date(2024, 3, 1),
                                               role: "外籍員工", roleEn: "foreign employee")
    public static let uninsured = person(.national(.make(letter: "H", sex: .male, serial: 5_772_156)), "趙子龍",
                                         born: date(1985, 10, 10), card: "000034343434", issued: date(2017, 12, 1),
                                         role: "非本單位投保", roleEn: "not insured here")

    /// The sample unit (SPEC §1's example code and UBN).
    public static let unit: InsuredUnit = try! InsuredUnit(
        code: UnitCode(parsing: "110001000"), name: "示範科技股份有限公司", ubn: UBN(parsing: "04595257"),
        labourInsuranceNumber: LabourInsuranceNumber(parsing: "01234567A"), ownerID: administrator.id,
        ownerPhones: ContactPhones(landline: LandlineNumber(parsing: "02-23456789"), mobile: MobileNumber(parsing: "0912345678")),
        email: EmailAddress(parsing: "hr@demo.example"), nhiOnly: false)

    /// The sample unit's organisation certificate as its registration recorded it: a MOEACA
    /// certificate (工商憑證) for the unit's UBN. The service matches a certificate presented
    /// later by its serial number or, as here, by its UBN: the demo's virtual card gets a
    /// fresh certificate (new key, new serial) every time it is made, as a renewed card would.
    public static let organisationCertificate = OrganisationCertificateInfo(
        kind: .moeaca, issuer: "CN=NHI-SWIFT TEST ISSUING CA,OU=工商憑證管理中心,O=行政院,C=TW",
        subject: "CN=\(unit.name),C=TW", serialNumber: "DEMO-MOEACA-04595257", ubn: unit.ubn)

    /// Writes the sample into an empty store, as of `today`.
    ///
    /// Timeline (all through the service, with its clock moved): on the 1st of the month
    /// three months back the staff register their cards, the unit is registered with its
    /// organisation certificate (``organisationCertificate``), which assigns the staff;
    /// everyone is enrolled and converted that night;
    /// bills for the two months after are issued, the later one paid and the earlier one
    /// left unpaid (so it carries a late fee today); one employee is enrolled
    /// retroactively at last year's lowest grade, which the newest table no longer has,
    /// so the bulk salary adjustment has someone to propose.
    @discardableResult
    public static func seed(_ store: any NHIStore, today: CalendarDate) throws -> Sample {
        let start = today.firstOfMonth.adding(months: -3)
        let clock = ManualClock(start, hour: 9)
        let service = NHIService(store: store, clock: clock)

        for staff in [administrator, `operator`] {
            let token = try service.accounts.register(.init(
                personID: staff.id, cardNumber: staff.cardNumber, householdNumber: "F1234567", registeredVillage: "臺北市大安區龍安里",
                phones: try ContactPhones(landline: nil, mobile: MobileNumber(parsing: "0912345678")),
                email: try EmailAddress(parsing: "\(staff.id.rawValue.lowercased())@demo.example"),
                password: try RegistrationPassword(staffPassword)))
            try service.accounts.confirmEmail(token: token, personID: staff.id, cardNumber: staff.cardNumber, newPassword: nil)
        }
        let registrar = try service.units.register(unit, method: .organisationCertificate(organisationCertificate),
                                                   registrant: nil, ownerIsAdministrator: false).caller
        let phones = try ContactPhones(landline: LandlineNumber(parsing: "02-23456789#101"), mobile: nil)
        for (staff, role) in [(administrator, StaffRole.administrator), (`operator`, .operator)] {
            try service.staff.assign(StaffAssignment(
                personID: staff.id, name: try PersonName(staff.name), role: role, credential: .nhiCard, certificateSerial: nil,
                phones: phones, email: try EmailAddress(parsing: "\(staff.id.rawValue.lowercased())@demo.example"),
                mayUseAllEnrolmentFunctions: role == .administrator), by: registrar)
        }
        let admin = try service.staff.session(person: administrator.id, unit: unit.code, credential: .nhiCard)

        let top = try service.tables.table(.nhi, on: start).top.amount
        func enrol(_ person: Person, amount: Money, category: InsuredCategory = .employee, role: InsuredRole = .insured,
                   effective: CalendarDate = start) throws {
            try service.filings.enrol(EnrolmentRequest(
                role: role, personID: person.id, name: try PersonName(person.name), birthDate: person.birthDate,
                category: category, eligibilityReason: role == .foreignNational ? "受僱外籍人士" : "到職起薪",
                effectiveDate: effective, insuredAmount: amount), by: admin)
        }
        try enrol(administrator, amount: top, category: .employer)
        try enrol(`operator`, amount: 40_100)
        try enrol(employee, amount: 36_300)
        try enrol(spouse, amount: .zero, role: .dependant(of: employee.id, relation: .spouse))
        try enrol(child, amount: .zero, role: .dependant(of: employee.id, relation: .child))
        try enrol(foreignNational, amount: 33_300, role: .foreignNational)
        for (index, name) in ["張家豪", "黃淑芬", "劉建國"].enumerated() {
            let id = PersonalID.national(.make(letter: "F", sex: index == 1 ? .female : .male, serial: 4_000_001 + index))
            let colleague = person(id, name, born: date(1980 + 5 * index, 1 + index, 10 + index), card: "0000565656\(50 + index)",
                                   issued: date(2020, 5, 5), role: "員工", roleEn: "employee")
            try enrol(colleague, amount: [45_800, 42_000, 31_800][index])
            if index == 1 {
                let parent = person(.national(.make(letter: "F", sex: .male, serial: 4_100_001)), "黃大同", born: date(1950, 1, 20),
                                    card: "000056565699", issued: date(2015, 5, 5), role: "眷屬", roleEn: "dependant")
                try enrol(parent, amount: .zero, role: .dependant(of: id, relation: .parent))
            }
        }
        clock.set(start, hour: 22, minute: 31)
        try service.filings.runNightlyConversion()

        // Bills: the first month stays unpaid; the second is paid on its due date.
        let first = try ROCMonth(start), second = try ROCMonth(start.adding(months: 1))
        clock.set(start.adding(months: 1), hour: 9)
        try service.premiums.issueBills(month: first)
        clock.set(start.adding(months: 2), hour: 9)
        let paid = try service.premiums.issueBills(month: second)
        for bill in paid { try service.premiums.recordPayment(bill: bill.id, amount: bill.amount, paidOn: min(today, bill.dueDate)) }

        // Someone enrolled retroactively under last year's table, at its lowest grade.
        let lastYear = date(start.year - 1, 1, 1)
        let lowest = try service.tables.table(.nhi, on: lastYear).minimum.amount
        if try !service.tables.isGrade(lowest, on: EffectiveDateRules.salaryAdjustment(filedOn: today)) {
            let late = person(.national(.make(letter: "F", sex: .male, serial: 4_200_001)), "吳俊傑", born: date(1999, 12, 1),
                              card: "000056565698", issued: date(2021, 5, 5), role: "員工", roleEn: "employee")
            // On a roster imported from the NHI before this year's table came in (an
            // enrolment filed here would be re-graded by the conversion): the bulk
            // adjustment's example.
            clock.set(start.adding(months: 2).adding(days: 1), hour: 9)
            _ = try service.roster.importInForce(unit: unit.code, [RosterLine(
                personID: late.id, name: late.name, birthDate: late.birthDate, principalID: nil, relation: nil, category: .employee,
                insuredAmount: lowest, startDate: lastYear, status: .active)], by: admin)
        }
        return sample(today: today)
    }

    /// The sample's description as of `today` (what ``seed(_:today:)`` writes).
    public static func sample(today: CalendarDate) -> Sample {
        let start = today.firstOfMonth.adding(months: -3)
        return Sample(unit: unit, administrator: administrator, operator: `operator`,
                      visitors: [employee, spouse, foreignNational, uninsured], staffPassword: staffPassword,
                      unpaidMonth: try! ROCMonth(start))  // a Gregorian month after 1911
    }
}
