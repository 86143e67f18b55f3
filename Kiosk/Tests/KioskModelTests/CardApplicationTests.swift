@testable import KioskModel
import Foundation
import NHICore
import NHIService
import NHITestSupport
import Testing

@Suite("Card applications: reviewed, then sent through the service; the photo rule and the unit rule are the service's")
@MainActor
struct CardApplicationTests {
    @Test("missing fields are named; the confirmation says who (masked), why and where; 取消 sends nothing; sent, then listed")
    func apply() async throws {
        let fixture = try ServiceFixture()
        await fixture.signIn()
        #expect(fixture.shell.tasks.contains(.cardApplication) && fixture.shell.open(.cardApplication))
        let model = fixture.shell.cardApplication
        model.requestApply()
        #expect(!model.askingApply && model.error(.id) != nil && model.error(.email) != nil && model.error(.mobile) != nil && model.error(.office) != nil)
        let employee = DemoData.employee.id
        model[.id] = employee.rawValue
        model[.email] = "wang@demo.example"
        model[.mobile] = "0912345678"
        model[.office] = "臺北業務組"
        model.requestApply()
        #expect(model.askingApply)
        let text = model.confirmation(.traditionalChinese)
        #expect(text.contains(employee.masked) && !text.contains(employee.rawValue) && text.contains("遺失") && text.contains("臨櫃領取（臺北業務組）"), "\(text)")
        model.dismissApply()
        #expect(try fixture.service.cards.applications(person: employee, by: .system).isEmpty, "取消 sends nothing")
        model.requestApply()
        await model.confirmApply()
        let application = try #require(model.status.result)
        #expect(application.reason == .lost && application.personID == employee)
        #expect(model.applications.result?.map(\.id) == [application.id])
        #expect(model.line(application, .traditionalChinese).contains("遺失"))
    }

    @Test("a new photo without a photo is refused by the service; posting needs the address; someone insured elsewhere is refused")
    func rules() async throws {
        let fixture = try ServiceFixture()
        await fixture.signIn()
        #expect(fixture.shell.open(.cardApplication))
        let model = fixture.shell.cardApplication
        model[.id] = DemoData.employee.id.rawValue
        model[.email] = "wang@demo.example"
        model[.landline] = "02-23456789"
        model.reason = .newPhoto
        #expect(model.needsPhoto)
        model.delivery = .post
        #expect(model.fields.contains(.street) && !model.fields.contains(.office))
        model.requestApply()
        #expect(!model.askingApply && model.error(.county) != nil && model.error(.street) != nil)
        model[.county] = "臺北市"
        model[.district] = "大安區"
        model[.street] = "信義路三段140號"
        model.requestApply()
        #expect(model.confirmation(.traditionalChinese).contains("郵寄至 臺北市大安區信義路三段140號"))
        await model.confirmApply()
        #expect(model.status.error?.code == ServiceError.Code.cardApplicationPhotoMissing.rawValue)
        model.reason = .damaged
        model[.id] = DemoData.uninsured.id.rawValue
        model.requestApply()
        await model.confirmApply()
        #expect(model.status.error?.code == ServiceError.Code.filingNotInsuredHere.rawValue)
    }
}
