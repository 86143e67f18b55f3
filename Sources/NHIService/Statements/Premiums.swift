import Foundation
import NHICore
import NHIGrades

/// An unpaid bill with the late fee estimated for an expected payment date
/// (單位未繳保費查詢與列印).
public struct UnpaidPremium: Sendable, Hashable, Codable {
    /// The unpaid bill (繳款單).
    public let bill: PremiumBill
    /// The late fee if paid on the expected date.
    public let lateFee: LateFee

    /// A bill with its late fee (as the service computes them; a client rebuilds them from the server's answer).
    public init(bill: PremiumBill, lateFee: LateFee) {
        self.bill = bill
        self.lateFee = lateFee
    }

    /// The premium month (保費年月) of the bill, `yyyMM`.
    public var premiumMonth: ROCMonth { bill.month }
    /// What is still owed on the bill, in NT$, without the late fee.
    public var unpaid: Money { bill.unpaid }
    /// 滯納金起算日: the first payment date that owes a fee.
    public var lateFeeStart: CalendarDate { lateFee.feeStartDate }
}

/// Payment-certificate data (單位保費繳納證明): payments in a billing-month range and a
/// payment period.
public struct PaymentCertificate: Sendable, Hashable, Codable {
    /// One payment of a bill in the certificate's ranges.
    public struct Line: Sendable, Hashable, Codable {
        /// The billing month (計費年月) of the bill paid, `yyyMM`.
        public let month: ROCMonth
        /// General or supplementary premium (or a late fee).
        public let category: PremiumBill.Category
        /// The amount paid, in NT$.
        public let amount: Money
        /// The day it was paid.
        public let paidOn: CalendarDate
    }

    /// The unit code (employer premium, NHI Act art. 34) or the UBN (withheld supplementary premium, art. 31) certified.
    public let payerKey: String
    /// The unit's or withholding unit's name; empty when the payer is not registered.
    public let payerName: String
    /// The payments in the billing-month range and the payment period, bill by bill.
    public let lines: [Line]
    /// The sum of the lines, in NT$.
    public var total: Money { lines.reduce(.zero) { $0 + $1.amount } }
}

extension NHIService {
    /// Premium calculation, bills, payments, unpaid premiums with late fees, payment slips
    /// and payment certificates (SPEC §7).
    public struct Premiums: Sendable {
        let core: NHIService

        /// The premium calculation detail of a unit for a month: whoever the unit covers on
        /// the month's last day is charged for the whole month (no day proration).
        public func detail(unit: UnitCode, month: ROCMonth, by caller: Caller) throws(ServiceError) -> PremiumDetail {
            guard caller.isStaff(of: unit) || caller.standing == .system else {
                throw ServiceError(.notAuthorised, context: ["caller": caller.description])
            }
            return try core.read { try detail($0, unit: unit, month: month) }
        }

        func detail(_ r: any StoreReader, unit: UnitCode, month: ROCMonth) throws -> PremiumDetail {
            let monthEnd = month.lastDay
            let covered = try r.coverages(unit: unit, inForceOn: monthEnd)
            var dependants: [PersonalID: Int] = [:]
            for c in covered where c.isDependant && c.status == .active { dependants[c.principalID!, default: 0] += 1 }
            let calculator = PremiumCalculator(tables: core.tables)
            var lines: [PremiumDetailLine] = []
            var unbillable: [UnbillablePerson] = []
            for c in covered where !c.isDependant {
                let name = try r.person(c.personID)?.name.value ?? ""
                guard c.status == .active else {
                    lines.append(PremiumDetailLine(personID: c.personID, name: name, category: c.category, insuredAmount: c.insuredAmount,
                                                   dependants: 0, insuredShare: .zero, unitShare: .zero, governmentShare: .zero,
                                                   note: c.status == .suspended ? "停保" : "育嬰留職停薪"))
                    continue
                }
                do {
                    // An amount that is no longer a grade of the month's table is carried into it
                    // (重載金額) rather than stopping the bill.
                    let amount = try core.tables.regraded(c.insuredAmount, on: monthEnd)
                    let premium = try calculator.nhi(insuredAmount: amount, on: monthEnd, category: c.category,
                                                     dependants: dependants[c.personID] ?? 0)
                    lines.append(PremiumDetailLine(personID: c.personID, name: name, category: c.category, insuredAmount: amount,
                                                   dependants: dependants[c.personID] ?? 0, insuredShare: premium.insured,
                                                   unitShare: premium.unit, governmentShare: premium.government,
                                                   note: amount == c.insuredAmount ? nil : "重載金額 \(c.insuredAmount.grouped) → \(amount.grouped)"))
                } catch {
                    unbillable.append(UnbillablePerson(personID: c.personID, name: name, insuredAmount: c.insuredAmount,
                                                       code: error.errorCode, message: error.message, messageEn: error.messageEn))
                }
            }
            return PremiumDetail(unitCode: unit, month: month, lines: lines, unbillable: unbillable)
        }

        /// Issues the general-premium bills of a month for every unit with coverage (the
        /// monthly billing job). Idempotent: a bill that exists is not issued again.
        ///
        /// A month already billed is never rewritten: when filings converted since a unit's
        /// previous bill changed an earlier month (a retroactive enrolment, withdrawal,
        /// adjustment or suspension), the difference between that month recomputed now and
        /// what its bills charged becomes an adjustment line (追溯調整) on this bill. Months
        /// before the unit's billing baseline (an imported roster) and more than 60 months
        /// back are not reopened. People whose premium cannot be computed are reported in the
        /// premium detail; everyone else is billed.
        @discardableResult
        public func issueBills(month: ROCMonth) throws(ServiceError) -> [PremiumBill] {
            let now = core.clock.now
            return try core.write { w in
                var issued: [PremiumBill] = []
                for unit in try w.unitsWithCoverage(on: month.lastDay) where try w.bill(payerKey: unit.rawValue, month: month, category: .general) == nil {
                    let detail = try detail(w, unit: unit, month: month)
                    let id = try w.insert(PremiumBill(id: 0, payerKey: unit.rawValue, month: month, category: .general, amount: .zero,
                                                      dueDate: PremiumCalculator.dueDate(of: month), issuedAt: now, paid: .zero))
                    try w.insert(BillLine(billID: id, month: month, kind: .premium, amount: detail.amountDue))
                    for (earlier, difference) in try adjustments(w, unit: unit, before: month) {
                        try w.insert(BillLine(billID: id, month: earlier, kind: .adjustment, amount: difference))
                    }
                    issued.append(try w.bill(id: id)!)
                }
                try core.record(w, .system, unit: nil, action: "bill.issue", target: month.compact, detail: "\(issued.count) bills")
                return issued
            }
        }

        /// Earlier months whose premium, recomputed now, differs from what the unit's bills
        /// charged for them, with the difference; only months reached by filings converted
        /// since the unit's last bill.
        func adjustments(_ r: any StoreReader, unit: UnitCode, before month: ROCMonth) throws -> [(ROCMonth, Money)] {
            let key = unit.rawValue
            let lastBill = try r.bills(payerKey: key).filter { $0.category == .general && $0.month < month }.max { $0.issuedAt < $1.issuedAt }
            let since = lastBill?.issuedAt ?? .distantPast
            let from = try lastBill.map { CalendarDate.today(at: $0.issuedAt).adding(days: -62) } ?? CalendarDate(iso: "1995-03-01")
            let changed = try r.filings(unit: unit, filedFrom: from, through: core.clock.today, staffID: nil)
                .filter { $0.status == .accepted && ($0.convertedAt ?? .distantPast) > since }
            guard let earliest = changed.map(\.effectiveDate).min() else { return [] }
            var first = try ROCMonth(earliest)
            first = max(first, month.adding(months: -60))
            if let baseline = try r.billingBaseline(unit: unit) { first = max(first, baseline) }
            var result: [(ROCMonth, Money)] = []
            var m = first
            while m < month {
                let now = try detail(r, unit: unit, month: m).amountDue
                let charged = try r.billed(payerKey: key, month: m, category: .general) ?? .zero
                if now != charged { result.append((m, now - charged)) }
                m = m.adding(months: 1)
            }
            return result
        }

        /// Issues a supplementary-premium bill (a unit's employer supplementary premium under
        /// art. 34, or a withholding agent's withheld premium under art. 31, keyed by UBN).
        @discardableResult
        public func issueSupplementaryBill(payerKey: String, month: ROCMonth, amount: Money) throws(ServiceError) -> PremiumBill {
            let now = core.clock.now
            return try core.write { w in
                if let existing = try w.bill(payerKey: payerKey, month: month, category: .supplementary) { return existing }
                let id = try w.insert(PremiumBill(id: 0, payerKey: payerKey, month: month, category: .supplementary, amount: amount,
                                                  dueDate: PremiumCalculator.dueDate(of: month), issuedAt: now, paid: .zero))
                return try w.bill(id: id)!
            }
        }

        /// Records a payment of a bill.
        ///
        /// A premium paid after its grace period owes the late fee accrued on the amount paid
        /// (滯納金): it is kept as its own item (a ``PremiumBill/Category/lateFee`` bill of the
        /// same month) until paid, so paying the premium alone never makes the fee vanish.
        /// A partial payment settles premium first; the rest of the premium stays unpaid and
        /// goes on accruing its own fee.
        @discardableResult
        public func recordPayment(bill id: Int64, amount: Money, paidOn: CalendarDate, channel: String = "counter") throws(ServiceError) -> PremiumBill {
            guard amount > .zero else { throw ServiceError(.paymentAmount) }
            let calculator = PremiumCalculator(tables: core.tables)
            return try core.write { w in
                guard let bill = try w.bill(id: id) else { throw ServiceError(.billNotFound) }
                guard amount <= bill.unpaid else { throw ServiceError(.paymentAmount, context: ["unpaid": bill.unpaid.grouped]) }
                _ = try w.insert(PremiumPayment(id: 0, billID: id, amount: amount, paidOn: paidOn, channel: channel))
                if bill.category != .lateFee {
                    let fee: Money
                    do {
                        fee = try calculator.lateFee(unpaid: amount, dueDate: bill.dueDate, paymentDate: paidOn,
                                                     payer: Self.lateFeePayer(bill.payerKey)).fee
                    } catch {
                        throw ServiceError(.premiumCalculation, wrapping: error)
                    }
                    if fee > .zero {
                        var feeBill = try w.bill(payerKey: bill.payerKey, month: bill.month, category: .lateFee)
                        if feeBill == nil {
                            let feeID = try w.insert(PremiumBill(id: 0, payerKey: bill.payerKey, month: bill.month, category: .lateFee,
                                                                 amount: .zero, dueDate: paidOn, issuedAt: core.clock.now, paid: .zero))
                            feeBill = try w.bill(id: feeID)
                        }
                        try w.insert(BillLine(billID: feeBill!.id, month: bill.month, kind: .lateFee, amount: fee))
                    }
                }
                try core.record(w, .system, unit: UnitCode(parsing: bill.payerKey) as UnitCode?, action: "payment.record",
                                target: "bill #\(id)", detail: amount.grouped)
                return try w.bill(id: id)!
            }
        }

        static func lateFeePayer(_ payerKey: String) -> LateFeePayer {
            (try? UnitCode(parsing: payerKey)) != nil ? .unit : .withholdingAgent
        }

        /// The unit's unpaid premiums with the late fee each would carry if paid on
        /// `expectedPaymentDate` (預計繳納日期). For a slip sent by post the date must be at
        /// least 4 working days after today.
        public func unpaid(payerKey: String, expectedPaymentDate: CalendarDate, mailed: Bool = false,
                           by caller: Caller) throws(ServiceError) -> [UnpaidPremium] {
            try authorise(payerKey, caller)
            let today = core.clock.today
            if mailed, expectedPaymentDate < Self.addingWorkingDays(4, to: today) {
                throw ServiceError(.paymentDateTooSoon, context: ["earliest": Self.addingWorkingDays(4, to: today).iso])
            }
            let calculator = PremiumCalculator(tables: core.tables)
            let payer = Self.lateFeePayer(payerKey)
            return try core.read { r in
                try payerBills(r, payerKey).filter { $0.unpaid > .zero }.map { bill in
                    do {
                        // A late fee bears no fee of its own.
                        if bill.category == .lateFee {
                            return UnpaidPremium(bill: bill, lateFee: try calculator.lateFee(unpaid: bill.unpaid, dueDate: expectedPaymentDate,
                                                                                           paymentDate: expectedPaymentDate, payer: payer))
                        }
                        return UnpaidPremium(bill: bill, lateFee: try calculator.lateFee(unpaid: bill.unpaid, dueDate: bill.dueDate,
                                                                                       paymentDate: expectedPaymentDate, payer: payer))
                    } catch {
                        throw ServiceError(.premiumCalculation, wrapping: error)
                    }
                }
            }
        }

        /// Downloads a payment slip: at most 3 times a day per bill.
        public func downloadSlip(bill id: Int64, by caller: Caller) throws(ServiceError) -> PremiumBill {
            let today = core.clock.today
            return try core.write { w in
                guard let bill = try w.bill(id: id) else { throw ServiceError(.billNotFound) }
                try authorise(bill.payerKey, caller)
                guard try w.slipDownloads(bill: id, on: today) < 3 else { throw ServiceError(.slipDownloadLimit) }
                try w.recordSlipDownload(bill: id, on: today)
                return bill
            }
        }

        /// Payment-certificate data for billing months `months` and payments made within
        /// `period`, for general premium, supplementary premium or both.
        public func certificate(payerKey: String, categories: Set<PremiumBill.Category>, months: ClosedRange<ROCMonth>,
                                period: ClosedRange<CalendarDate>, by caller: Caller) throws(ServiceError) -> PaymentCertificate {
            try authorise(payerKey, caller)
            return try core.read { r in
                var lines: [PaymentCertificate.Line] = []
                for bill in try r.bills(payerKey: payerKey) where categories.contains(bill.category) && months.contains(bill.month) {
                    for payment in try r.payments(bill: bill.id) where period.contains(payment.paidOn) {
                        lines.append(.init(month: bill.month, category: bill.category, amount: payment.amount, paidOn: payment.paidOn))
                    }
                }
                let name: String
                if let unit = try? UnitCode(parsing: payerKey) {
                    name = try r.unit(unit)?.unit.name ?? ""
                } else if let ubn = try? UBN(parsing: payerKey) {
                    name = try r.withholdingUnit(ubn)?.name ?? ""
                } else {
                    name = ""
                }
                return PaymentCertificate(payerKey: payerKey, payerName: name, lines: lines)
            }
        }

        /// Bills of a payer.
        public func bills(payerKey: String, by caller: Caller) throws(ServiceError) -> [PremiumBill] {
            try authorise(payerKey, caller)
            return try core.read { try payerBills($0, payerKey) }
        }

        /// A payer's bills; for a unit also the supplementary-premium slips of its UBN (the
        /// DPR imports it made as payer).
        func payerBills(_ r: any StoreReader, _ payerKey: String) throws -> [PremiumBill] {
            var bills = try r.bills(payerKey: payerKey)
            if let unit = try? UnitCode(parsing: payerKey), let ubn = try r.unit(unit)?.unit.ubn {
                bills += try r.bills(payerKey: ubn.rawValue)
            }
            return bills.sorted { ($0.month, $0.category.rawValue, $0.id) < ($1.month, $1.category.rawValue, $1.id) }
        }

        private func authorise(_ payerKey: String, _ caller: Caller) throws(ServiceError) {
            if caller.standing == .system { return }
            if let unit = try? UnitCode(parsing: payerKey), caller.isStaff(of: unit) { return }
            if let ubn = try? UBN(parsing: payerKey), let unit = caller.unitCode, caller.isStaff(of: unit),
               let account = try core.read({ try $0.unit(unit) }), account.unit.ubn == ubn || account.agentUBNs.contains(ubn) {
                return
            }
            throw ServiceError(.notAuthorised, context: ["caller": caller.description])
        }

        /// `n` working days (Monday–Friday) after `day`. Public holidays are not modelled.
        static func addingWorkingDays(_ n: Int, to day: CalendarDate) -> CalendarDate {
            var date = day, left = n
            while left > 0 {
                date = date.adding(days: 1)
                if date.isoWeekday <= 5 { left -= 1 }
            }
            return date
        }
    }

    /// Premiums, bills and payments.
    public var premiums: Premiums { Premiums(core: self) }
}
