import Foundation
import NHICore
import NHIService
import NHITestSupport
import Testing

@Suite("Attachments, card applications, e-payment slips, insurance status")
struct ApplicationsTests {
    static let jpeg = Data([0xFF, 0xD8, 0xFF, 0xE0] + Array(repeating: 0, count: 100))
    static let pdf = Data(Array("%PDF-1.4\n".utf8) + Array(repeating: 0x20, count: 50))

    /// Puts an employee and a dependant in force with the unit, straight through the store.
    func insure(_ f: Fixture, unit: UnitCode, employee: PersonalID, dependant: PersonalID) throws {
        let start = try CalendarDate(iso: "2026-01-01")
        try f.database.store.write { w in
            try w.upsert(Person(id: employee, name: try PersonName("王小明"), birthDate: try CalendarDate(iso: "1990-01-01")))
            try w.upsert(Person(id: dependant, name: try PersonName("王小華"), birthDate: try CalendarDate(iso: "2018-12-04")))
            _ = try w.insert(Coverage(id: 0, unitCode: unit, personID: employee, principalID: nil, relation: nil, category: .employee,
                                      insuredAmount: 36_300, startDate: start, endDate: nil, status: .active, foreignNational: false))
            _ = try w.insert(Coverage(id: 0, unitCode: unit, personID: dependant, principalID: employee, relation: .child, category: .employee,
                                      insuredAmount: 36_300, startDate: start, endDate: nil, status: .active, foreignNational: false))
        }
    }

    @Test("UploadedDocument rules: name ≤ 25, type by purpose, ≤ 5 MB, content matches the extension")
    func attachments() throws {
        #expect(try UploadedDocument(fileName: "proof.pdf", data: Self.pdf, purpose: .proof).sha256.count == 64)
        #expect(throws: ServiceError(.attachmentNameTooLong)) {
            try UploadedDocument(fileName: String(repeating: "a", count: 22) + ".pdf", data: Self.pdf, purpose: .proof)
        }
        #expect(throws: ServiceError(.attachmentType)) { try UploadedDocument(fileName: "photo.png", data: Self.jpeg, purpose: .proof) }
        #expect(throws: ServiceError(.attachmentContent)) { try UploadedDocument(fileName: "fake.jpg", data: Self.pdf, purpose: .proof) }
        #expect(throws: ServiceError(.attachmentSize)) {
            try UploadedDocument(fileName: "big.pdf", data: Self.pdf + Data(count: 5 * 1024 * 1024), purpose: .proof)
        }
        #expect(try UploadedDocument(fileName: "me.jpeg", data: Self.jpeg, purpose: .cardPhoto).purpose == .cardPhoto)
    }

    @Test("E-payment slips: the 5th-of-month rule", arguments: TestStoreKind.available)
    func ePayment(_ store: TestStoreKind) throws {
        let f = try Fixture(store: store, today: try CalendarDate(iso: "2026-11-05"))
        let certificate = try f.registerUnitByCertificate()
        let unit = try UnitCode(parsing: "110001000")
        let s = try f.service.ePaymentSlips.subscribe(unit: unit, email: try EmailAddress(parsing: "pay@example.com"), backupEmail: nil,
                                                      transferResultNotice: true, by: certificate)
        #expect(s.effectiveMonth.compact == "11511", "on the 5th: from this month")
        #expect(!(try f.service.ePaymentSlips.paperSlipMailed(unit: unit, month: try ROCMonth(parsing: "11511"))))
        #expect(try f.service.ePaymentSlips.paperSlipMailed(unit: unit, month: try ROCMonth(parsing: "11510")))
        f.clock.set(try CalendarDate(iso: "2026-11-06"))
        let cancelled = try f.service.ePaymentSlips.cancel(unit: unit, by: certificate)
        #expect(cancelled.effectiveMonth.compact == "11512", "after the 5th: from next month")
        #expect(!(try f.service.ePaymentSlips.paperSlipMailed(unit: unit, month: try ROCMonth(parsing: "11511"))))
        #expect(try f.service.ePaymentSlips.paperSlipMailed(unit: unit, month: try ROCMonth(parsing: "11512")))
        #expect(throws: ServiceError(.ePaymentNotSubscribed)) { try f.service.ePaymentSlips.cancel(unit: unit, by: certificate) }
    }

    @Test("Card applications: self and dependants, staff for their insured; photos when needed", arguments: TestStoreKind.available)
    func cardApplications(_ store: TestStoreKind) throws {
        let f = try Fixture(store: store)
        let certificate = try f.registerUnitByCertificate()
        let unit = try UnitCode(parsing: "110001000")
        let employee = Fixture.id("A123456789"), child = PersonalID.national(NationalID.make(letter: "A", sex: .female, serial: 5))
        try insure(f, unit: unit, employee: employee, dependant: child)
        let email = try EmailAddress(parsing: "me@example.com")
        let address = try CardApplication.Address(county: "臺北市", district: "大安區", village: "龍安里", neighbourhood: "5", street: "信義路三段140號")
        #expect(address.line == "臺北市大安區龍安里5鄰信義路三段140號")
        #expect(throws: ServiceError(.cardApplicationPhotoMissing)) {
            try f.service.cards.apply(for: employee, reason: .newPhoto, email: email, phones: Fixture.phones(), pickup: .post(address),
                                      photo: nil, by: .person(employee))
        }
        let photo = try UploadedDocument(fileName: "me.jpg", data: Self.jpeg, purpose: .cardPhoto)
        let a = try f.service.cards.apply(for: child, reason: .newPhoto, email: email, phones: Fixture.phones(), pickup: .post(address),
                                          photo: photo, by: .person(employee))
        #expect(a.photoSHA256 == photo.sha256)
        #expect(throws: ServiceError(.notAuthorised)) {
            try f.service.cards.apply(for: employee, reason: .lost, email: email, phones: Fixture.phones(), pickup: .counter(office: "臺北業務組"),
                                      photo: nil, by: .person(child))
        }
        _ = try f.service.cards.apply(for: employee, reason: .lost, email: email, phones: Fixture.phones(),
                                      pickup: .counter(office: "臺北業務組"), photo: nil, by: certificate)
        #expect(throws: ServiceError(.filingNotInsuredHere)) {
            try f.service.cards.apply(for: Fixture.id("F131104093"), reason: .lost, email: email, phones: Fixture.phones(),
                                      pickup: .counter(office: "臺北業務組"), photo: nil, by: certificate)
        }
        #expect(try f.service.cards.applications(person: child, by: .person(child)).count == 1)
    }

    @Test("Insurance status lists dependants; the proof prints in both languages and is audited", arguments: TestStoreKind.available)
    func status(_ store: TestStoreKind) throws {
        let f = try Fixture(store: store)
        _ = try f.registerUnitByCertificate()
        let unit = try UnitCode(parsing: "110001000")
        let employee = Fixture.id("A123456789"), child = PersonalID.national(NationalID.make(letter: "A", sex: .female, serial: 5))
        try insure(f, unit: unit, employee: employee, dependant: child)
        let status = try f.service.insurance.status(of: employee, by: .person(employee))
        #expect(status.isInsured)
        #expect(status.coverage.first?.unitName == "數美科技股份有限公司")
        #expect(status.dependants.map(\.personID) == [child])
        #expect(status.dependants.first?.relation == .child)
        #expect(throws: ServiceError(.notAuthorised)) { try f.service.insurance.status(of: employee, by: .person(child)) }
        let proof = try f.service.insurance.proof(of: employee, by: .person(employee))
        let zh = proof.lines(language: "zh-Hant"), en = proof.lines(language: "en")
        #expect(zh[0] == "全民健康保險投保證明")
        #expect(zh.contains { $0.contains("王小明") && $0.contains("A123456789") })
        #expect(en[0] == "National Health Insurance — Certificate of Coverage")
        #expect(en.contains { $0.contains("since 2026-01-01") })
        #expect(try f.service.audit.all().contains { $0.action == "insurance.proof" && $0.detail == proof.reference })
        let before = try f.service.insurance.status(of: employee, on: try CalendarDate(iso: "2025-12-31"), by: .person(employee))
        #expect(!before.isInsured)
    }
}
