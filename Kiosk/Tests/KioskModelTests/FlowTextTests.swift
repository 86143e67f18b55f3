import Foundation
@testable import KioskModel
import NHICore
import NHIService
import NHITestSupport
import Testing

@Suite("Flow strings: every one in both languages, English without Chinese unless it quotes data")
@MainActor
struct FlowTextTests {
    func hasCJK(_ s: String) -> Bool { s.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } }

    /// Every flow string, with sample data; `quotes` says whether its arguments hold Chinese.
    func samples(_ fixture: ServiceFixture) async throws -> [(text: Text, quotes: Bool)] {
        let admin = try fixture.service.staff.session(person: fixture.sample.administrator.id, unit: fixture.sample.unit.code,
                                                      credential: .nhiCard)
        let status = try fixture.service.insurance.status(of: DemoData.employee.id, by: .person(DemoData.employee.id))
        let unpaid = try fixture.service.premiums.unpaid(payerKey: fixture.sample.unit.code.rawValue,
                                                         expectedPaymentDate: ServiceFixture.today, by: admin)
        let filing = Filing(id: 7, unitCode: fixture.sample.unit.code, family: .nhiOnly, kind: .enrol, personID: DemoData.employee.id,
                            principalID: nil, relation: nil, name: "王小明", birthDate: nil, category: .employee, reason: "到職起薪",
                            insuredAmount: 36_300, adjustedAmount: 40_100, effectiveDate: ServiceFixture.today,
                            filedOn: ServiceFixture.today, filedAt: Date(), filedBy: "x", staffID: nil, status: .pending)
        let record = BatchUploadRecord(id: 1, fileName: "1100010001151123.csv", uploadedAt: Date(), uploaded: 4, succeeded: 3,
                                       failed: 1, status: .done, uploader: "林雅婷", logFileName: "a.log", logLines: [])
        let issue = UploadTests.report.issues[1]
        var plain: [Text] = [
            .form(.submit), .form(.working), .form(.startOver), .form(.nextOne), .form(.attachmentsTitle), .form(.attachmentsHint),
            .form(.addAttachment), .form(.attachmentsNeeded), .form(.chooseFileTitle), .form(.chooseAccept), .form(.choosePerson),
            .form(.choosePersonNone), .form(.notOnRoster), .form(.effectiveDate(ServiceFixture.today)),
            .filing(.familyPicker), .filing(.enrolleePicker), .filing(.relationPicker), .filing(.categoryPicker), .filing(.indigenous),
            .filing(.hasPaidStaff), .filing(.foreignerEligible), .filing(.labourTitle), .filing(.labourSalary), .filing(.pensionWage),
            .filing(.employerRate), .filing(.voluntaryRate), .filing(.pensionUnitPicker), .filing(.reloadAmount), .filing(.previewTitle),
            .filing(.previewSalaryGrade(salary: 36_000, grade: 5, amount: 36_300)), .filing(.previewProposed(36_300)),
            .filing(.previewAccepted(grade: 5, amount: 36_300)), .filing(.previewNeedsProof(top: 313_000)),
            .filing(.previewRejected(suggestion: 30_300)), .filing(.previewRejected(suggestion: nil)),
            .filing(.previewPremium(insured: 458, unit: 1_428, government: 238, dependants: 1)), .filing(.dependantAmountNote),
            .filing(.reasonPicker), .filing(.chargedHere), .filing(.withdrawalNeedsProof), .filing(.employerLowering),
            .filing(.currentPremium(before: 563, after: nil)), .filing(.adjustmentEffective(ServiceFixture.today)),
            .filing(.modePicker), .filing(.loadList), .filing(.selectAll), .filing(.selectNone), .filing(.columnSelect),
            .filing(.columnID), .filing(.columnName), .filing(.columnOld), .filing(.columnNew), .filing(.bulkSummary(listed: 3, selected: 2)),
            .filing(.excludedNote(1)), .filing(.unchangedNote(6)), .filing(.nothingToAdjust), .filing(.fileBulk),
            .filing(.bulkDates(filed: ServiceFixture.today, effective: ServiceFixture.today)),
            .filing(.filedBulk(count: 2, effective: ServiceFixture.today)),
            .premium(.expectedDate), .premium(.expectedDateHint), .premium(.mailed), .premium(.calculate), .premium(.columnMonth),
            .premium(.columnCategory), .premium(.columnUnpaid), .premium(.columnDue), .premium(.columnFeeStart), .premium(.columnDays),
            .premium(.columnFee), .premium(.columnTotal), .premium(.totals(premium: 1, fee: 2, total: 3)), .premium(.noneUnpaid),
            .premium(.capReached), .premium(.row(unpaid[0])),
            .visitor(.insuranceTitle), .visitor(.notInsured), .visitor(.dependantsTitle), .visitor(.noDependants), .visitor(.proofTitle),
            .visitor(.proofIssued(reference: "P1")), .visitor(.printCancelled), .visitor(.printFailed("no printer")),
            .visitor(.accountTitle), .visitor(.phonesNote), .visitor(.strengthHint), .visitor(.register),
            .visitor(.registered(email: "w***@example.com")), .visitor(.resend), .visitor(.cancelRegistration),
            .uploads(.chooseFile), .uploads(.fileFilter), .uploads(.fileHint), .uploads(.chosen("a.csv")), .uploads(.checking),
            .uploads(.reportSummary(rows: 3, valid: 2, rejected: 1, encoding: "UTF-8")), .uploads(.noIssues), .uploads(.submit),
            .uploads(.logTitle("a.log")), .uploads(.filterPicker), .uploads(.search), .uploads(.closeLog), .uploads(.noRecords),
            .uploads(.showLog("a.csv")), .demoTray, .demoRemove, .demoCertificateCard,
        ]
        plain += EnrolmentModel.Field.allCases.map { .filing(.caption($0)) }
        plain += WithdrawalModel.Field.allCases.map { .filing(.withdrawalCaption($0)) }
        plain += SalaryAdjustmentModel.Field.allCases.map { .filing(.adjustmentCaption($0)) }
        plain += BulkAdjustmentModel.Field.allCases.map { .filing(.bulkCaption($0)) }
        plain += FilingFamily.allCases.map { .filing(.family($0)) }
        plain += EnrolmentModel.Enrollee.allCases.map { .filing(.enrollee($0)) }
        plain += PensionUnitType.allCases.map { .filing(.pensionUnit($0)) }
        plain += WithdrawalReason.allCases.map { .filing(.reason($0)) }
        plain += BulkAdjustmentModel.Mode.allCases.map { .filing(.mode($0)) }
        plain += InsuredCategory.allCases.map { .form(.category($0)) }
        plain += DependantRelation.allCases.map { .form(.relation($0)) }
        plain += PremiumBill.Category.allCases.map { .premium(.billCategory($0)) }
        plain += OnlineRegistrationModel.Field.allCases.map { .visitor(.caption($0)) }
        plain += RegistrationPassword.Strength.allCases.map { .visitor(.strength($0)) }
        plain += [Language.traditionalChinese, .english].map { .visitor(.printProof($0)) }
        plain += [VisitorServicesModel.AccountState.notRegistered, .pendingVerification(email: "a***@b.c"), .active(email: "a***@b.c"),
                  .suspended].map { .visitor(.accountState($0)) }
        plain += [VisitorServicesModel.AccountAction.resent, .cancelled].map { .visitor(.accountAction($0)) }
        plain += BatchUploadStatus.allCases.map { .uploads(.status($0)) }
        plain += UploadRecordsModel.StatusFilter.allCases.map { .uploads(.filter($0)) }
        plain += UploadRecordsModel.Field.allCases.map { .uploads(.rangeCaption($0)) }
        plain += [StaffRole.administrator, .operator].map { .uploads(.visibility($0)) }
        var quoting: [Text] = [
            .form(.removeAttachment(name: "證明.pdf")), .form(.personOnRecord(name: "王小明", maskedID: "F13141****", amount: 36_300, category: .employee)),
            .form(.dependantOnRecord(name: "李美玲", maskedID: "F22718****")),
            .filing(.previewTable(title: "全民健康保險投保金額分級表", titleEn: "NHI grades", effectiveFrom: ServiceFixture.today)),
            .filing(.filedEnrolment(filing)), .filing(.filedWithdrawal(filing)), .filing(.filedAdjustment(filing)),
            .filing(.dependantsFollow(names: "李美玲")), .filing(.rowCheck(name: "王小明", maskedID: "F13141****")),
            .filing(.rowAmount(name: "王小明")), .uploads(.submitted(record)), .uploads(.recordLine(record)), .uploads(.issueLine(issue)),
            .demoInsert(name: "陳志明", role: "administrator"),
            .demoInsertCertificate(name: "陳志明", role: "administrator"),
        ]
        quoting += status.coverage.map { .visitor(.coverageLine($0)) } + status.dependants.map { .visitor(.dependantLine($0)) }
        return plain.map { ($0, false) } + quoting.map { ($0, true) }
    }

    @Test("every flow string in both languages")
    func bothLanguages() async throws {
        let fixture = try ServiceFixture()
        for (text, quotes) in try await samples(fixture) {
            let zh = text.localized(.traditionalChinese), en = text.localized(.english)
            #expect(!zh.isEmpty && !en.isEmpty, "\(text)")
            #expect(hasCJK(zh) || quotes || zh.allSatisfy(\.isASCII), "Chinese for \(text): \(zh)")
            if !quotes { #expect(!hasCJK(en), "English for \(text) contains Chinese: \(en)") }
            #expect(zh != en || zh.allSatisfy { $0.isASCII }, "\(text) is not translated")
        }
    }

    @Test("amounts are grouped, dates are ROC in Chinese and ISO in English")
    func formats() {
        let date = try! CalendarDate(iso: "2026-12-01")
        #expect(Text.form(.effectiveDate(date)).localized(.traditionalChinese) == "生效日期：民國 115/12/01")
        #expect(Text.form(.effectiveDate(date)).localized(.english) == "Effective 2026-12-01 (ROC 115/12/01)")
        #expect(Text.filing(.previewPremium(insured: 1_374, unit: 1_428, government: 238, dependants: 2)).localized(.traditionalChinese)
                == "每月保險費：本人負擔 1,374 元（含眷屬 2 人）、投保單位 1,428 元、政府 238 元")
        #expect(date.display(.english) == "2026-12-01" && date.display(.traditionalChinese) == "115/12/01")
    }
}
