// Source: Sources/NHIService/NHIService.docc/Walkthrough.md, snippet 1 — copied verbatim and run.
import NHICore
import NHIService
import NHITestSupport
import Testing

@Suite("Doc snippets: the NHIService walkthrough")
struct ServiceWalkthroughSnippet {
    @Test func walkthrough1() throws {

        // A temporary SQLite store and a clock at 2026-10-01 09:00 Taiwan time.
        let database = try TemporaryDatabase()
        let clock = ManualClock(try CalendarDate(iso: "2026-10-01"), hour: 9)
        let service = database.service(clock: clock)

        // 1. The unit registers with its organisation certificate (工商憑證); the certificate acts for it.
        let phones = try ContactPhones(landline: LandlineNumber(parsing: "02-23456789"), mobile: MobileNumber(parsing: "0912345678"))
        let unit = try InsuredUnit(code: UnitCode(parsing: "110001000"), name: "數美科技股份有限公司", ubn: UBN(parsing: "04595257"),
                                   labourInsuranceNumber: nil, ownerID: PersonalID(parsing: "A123456789"), ownerPhones: phones,
                                   email: EmailAddress(parsing: "hr@example.com.tw"), nhiOnly: true)
        let certificate = OrganisationCertificateInfo(kind: .moeaca, issuer: "MOEACA", subject: "數美科技股份有限公司",
                                                      serialNumber: "0A1B2C3D", ubn: try UBN(parsing: "04595257"))
        let (_, unitCaller) = try service.units.register(unit, method: .organisationCertificate(certificate),
                                                         registrant: nil, ownerIsAdministrator: false)

        // 2. It assigns an operator who signs in with a citizen certificate (自然人憑證): the serial is recorded.
        let operatorID = try PersonalID(parsing: "B210000007")
        try service.staff.assign(StaffAssignment(personID: operatorID, name: try PersonName("陳小華"), role: .operator,
                                                 credential: .citizen, certificateSerial: "TP03000001234567", phones: phones,
                                                 email: try EmailAddress(parsing: "op@example.com.tw")), by: unitCaller)
        // The operator's session: the certificate must be the one recorded.
        let caller = try service.staff.session(person: operatorID, unit: unit.code, credential: .citizen,
                                               certificateSerial: "TP03000001234567")

        // 3. The operator enrols an employee from today at NT$29,500.
        let employee = try PersonalID(parsing: "E123456783")
        try service.filings.enrol(EnrolmentRequest(personID: employee, name: try PersonName("王小明"),
                                                   birthDate: try CalendarDate(iso: "1990-05-04"),
                                                   effectiveDate: clock.today, insuredAmount: 29_500), by: caller)

        // 4. At 22:30 the day's filings are converted: checked and put in force.
        clock.set(clock.today, hour: 22, minute: 31)
        let conversion = try service.filings.runNightlyConversion()
        print(conversion.accepted, "accepted")                      // 1 accepted

        // 5. The roster, and the month's bill (individual share 458 + unit share 1,428).
        clock.set(try CalendarDate(iso: "2026-10-02"), hour: 9)
        for entry in try service.filings.roster(unit: unit.code, by: caller) {
            print(entry.id.masked, entry.name, entry.insuredAmount)  // E12345**** 王小明 NT$29,500
        }
        let bills = try service.premiums.issueBills(month: try ROCMonth(parsing: "11510"))
        print(bills.map(\.amount))                                  // [NT$1,886]
        #expect(conversion.accepted == 1 && bills.map(\.amount) == [1_886])
    }
}
