import ArgumentParser
import Foundation
import NHICore
import NHIService

extension CardApplication.Reason: ExpressibleByArgument {}

/// `nhi service cards apply|list`: NHI card applications (健保卡申請作業).
struct CardsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "cards", abstract: "健保卡申請作業 — NHI card applications.",
                                                    subcommands: [Apply.self, List.self])

    struct Apply: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "申請健保卡 — Apply for a card for someone insured with the unit (or, with --self, for yourself).",
            discussion: "New photos and first cards need --photo (jpg/jpeg/gif/png ≤ 5 MB). The card is posted to the address given, or collected at --counter OFFICE.")
        @OptionGroup var options: ServiceOptions
        @Option(help: "身分證號") var id: String
        @Option(help: "lost | damaged | newPhoto | firstIssue | dataChange") var reason: CardApplication.Reason
        @Option(help: "電子郵件信箱") var email: String
        @Option(help: "行動電話") var mobile: String?
        @Option(help: "市話") var landline: String?
        @Option(help: "相片檔") var photo: String?
        @Option(help: "臨櫃領取之聯絡辦公室") var counter: String?
        @Option(help: "郵寄地址：縣市") var county: String?
        @Option(help: "郵寄地址：鄉鎮市區") var district: String?
        @Option(help: "郵寄地址：村里") var village: String = ""
        @Option(help: "郵寄地址：鄰") var neighbourhood: String = ""
        @Option(help: "郵寄地址：街路門牌") var street: String?
        @Flag(name: .customLong("self"), help: "本人申請 (no --unit): the person of --id applies for themselves") var forSelf = false

        func run() throws {
            let service = try options.service()
            let person = try parsePersonalID(id)
            let caller = forSelf ? Caller.person(person) : try options.caller(service)
            let pickup: CardApplication.Pickup
            if let counter {
                pickup = .counter(office: counter)
            } else {
                pickup = .post(try CardApplication.Address(county: county ?? "", district: district ?? "", village: village,
                                                           neighbourhood: neighbourhood, street: street ?? ""))
            }
            let phones = try ContactPhones(landline: try landline.map { try LandlineNumber(parsing: $0) },
                                           mobile: try mobile.map { try MobileNumber(parsing: $0) })
            let photoDocument = try photo.map { path -> UploadedDocument in
                let url = URL(fileURLWithPath: path)
                return try UploadedDocument(fileName: url.lastPathComponent, data: try Data(contentsOf: url), purpose: .cardPhoto)
            }
            let application = try service.cards.apply(for: person, reason: reason, email: try EmailAddress(parsing: email), phones: phones,
                                                      pickup: pickup, photo: photoDocument, by: caller)
            printApplications([application], json: options.json)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "申請紀錄 — A person's card applications.")
        @OptionGroup var options: ServiceOptions
        @Option(help: "身分證號") var id: String
        @Flag(name: .customLong("self"), help: "本人查詢 (no --unit)") var forSelf = false
        func run() throws {
            let service = try options.service()
            let person = try parsePersonalID(id)
            let caller = forSelf ? Caller.person(person) : try options.caller(service)
            printApplications(try service.cards.applications(person: person, by: caller), json: options.json)
        }
    }
}

private func printApplications(_ applications: [CardApplication], json: Bool) {
    for a in applications {
        let pickup: String
        switch a.pickup {
        case .post(let address): pickup = "郵寄 \(address.line)"
        case .counter(let office): pickup = "臨櫃 \(office)"
        }
        if json {
            JSONValue.object([("id", .int(a.id)), ("person", .string(a.personID.masked)), ("reason", .string(a.reason.rawValue)),
                              ("reasonLabel", .string(a.reason.label)), ("pickup", .string(pickup)),
                              ("createdAt", .string(ISO8601DateFormatter().string(from: a.createdAt)))]).printLine()
        } else {
            print("#\(a.id)  \(a.personID.masked)  \(a.reason.label)  \(pickup)  \(ROCDate.timestamp(a.createdAt))")
        }
    }
}

/// `nhi service epayment subscribe|cancel|show`: electronic payment slips (電子繳款單).
struct EPaymentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "epayment", abstract: "電子繳款單申請及查詢 — Electronic payment slips.",
        discussion: "A change made by the 5th of a month applies from that month's slip; later, from the next month's.",
        subcommands: [Subscribe.self, Cancel.self, Show.self])

    struct Subscribe: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "申請 — Subscribe, or change the addresses.")
        @OptionGroup var options: ServiceOptions
        @Option(help: "電子郵件信箱") var email: String
        @Option(name: .customLong("backup-email"), help: "備用電子郵件信箱") var backupEmail: String?
        @Flag(name: .customLong("transfer-notice"), help: "轉帳結果通知") var transferNotice = false
        func run() throws {
            let service = try options.service()
            let caller = try options.caller(service)
            let s = try service.ePaymentSlips.subscribe(unit: caller.unitCode!, email: try EmailAddress(parsing: email),
                                                        backupEmail: try backupEmail.map { try EmailAddress(parsing: $0) },
                                                        transferResultNotice: transferNotice, by: caller)
            printSubscription(s, json: options.json)
        }
    }

    struct Cancel: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "取消 — Cancel; paper slips return.")
        @OptionGroup var options: ServiceOptions
        func run() throws {
            let service = try options.service()
            let caller = try options.caller(service)
            printSubscription(try service.ePaymentSlips.cancel(unit: caller.unitCode!, by: caller), json: options.json)
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "查詢 — The unit's subscription.")
        @OptionGroup var options: ServiceOptions
        func run() throws {
            let service = try options.service()
            let caller = try options.caller(service)
            guard caller.isStaff(of: caller.unitCode!) else { throw ServiceError(.notAuthorised) }
            if let s = try service.ePaymentSlips.subscription(unit: caller.unitCode!) {
                printSubscription(s, json: options.json)
            } else if options.json {
                JSONValue.object([("active", .bool(false))]).printLine()
            } else {
                print("未申請電子繳款單 — not subscribed")
            }
        }
    }
}

private func printSubscription(_ s: EPaymentSubscription, json: Bool) {
    if json {
        JSONValue.object([("unit", .string(s.unitCode.rawValue)), ("active", .bool(s.active)), ("email", .string(s.email.rawValue)),
                          ("backupEmail", .string(s.backupEmail?.rawValue)), ("transferResultNotice", .bool(s.transferResultNotice)),
                          ("effectiveMonth", .string(s.effectiveMonth.compact))]).printLine()
    } else {
        print("\(s.active ? "已申請電子繳款單" : "已取消電子繳款單") 自 \(s.effectiveMonth.compact) 起 — \(s.active ? "subscribed" : "cancelled") from \(s.effectiveMonth.compact): \(s.email.rawValue)")
    }
}

/// `nhi service slip --bill ID`: downloads a payment slip (at most 3 times a day per bill).
struct SlipCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "slip", abstract: "繳款單下載 — Download a payment slip (3 times a day per bill).")
    @OptionGroup var options: ServiceOptions
    @Option var bill: Int64
    func run() throws {
        let service = try options.service()
        let b = try service.premiums.downloadSlip(bill: bill, by: try options.caller(service))
        if options.json {
            JSONValue.object([("bill", .int(b.id)), ("payer", .string(b.payerKey)), ("month", .string(b.month.compact)),
                              ("category", .string(b.category.rawValue)), ("amount", .money(b.amount)), ("paid", .money(b.paid)),
                              ("unpaid", .money(b.unpaid)), ("dueDate", .date(b.dueDate))]).printLine()
        } else {
            print("""
                全民健康保險 \(b.category.label) 繳款單 — NHI payment slip
                繳款人 payer: \(b.payerKey)    保費年月 month: \(b.month.compact)
                應繳金額 amount: \(b.unpaid.grouped)    繳款期限 due: \(b.dueDate.rocSlashed)
                """)
        }
    }
}

/// `nhi service payment-certificate`: the unit's payment certificate (單位保費繳納證明).
struct PaymentCertificateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "payment-certificate",
                                                    abstract: "單位保費繳納證明 — Payments of billing months within a payment period.")
    @OptionGroup var options: ServiceOptions
    @Option(help: "計費年月起") var from: String
    @Option(help: "計費年月迄") var to: String
    @Option(name: .customLong("paid-from"), help: "繳納日期起") var paidFrom: String
    @Option(name: .customLong("paid-to"), help: "繳納日期迄") var paidTo: String
    @Option(help: "general | supplementary | all") var category: String = "all"
    func run() throws {
        let service = try options.service()
        let caller = try options.caller(service)
        let categories: Set<PremiumBill.Category>
        switch category {
        case "general": categories = [.general]
        case "supplementary": categories = [.supplementary]
        case "all": categories = [.general, .supplementary]
        default: throw ValidationError("--category: general | supplementary | all")
        }
        let start = try parseMonth(from), end = try parseMonth(to), first = try parseDate(paidFrom), last = try parseDate(paidTo)
        guard start <= end, first <= last else { throw ValidationError("起不可晚於迄 — the start must not be after the end") }
        let c = try service.premiums.certificate(payerKey: caller.unitCode!.rawValue, categories: categories, months: start...end,
                                                 period: first...last, by: caller)
        if options.json {
            JSONValue.object([("payer", .string(c.payerKey)), ("payerName", .string(c.payerName)), ("total", .money(c.total)),
                              ("lines", .array(c.lines.map { l in
                                  .object([("month", .string(l.month.compact)), ("category", .string(l.category.rawValue)),
                                           ("amount", .money(l.amount)), ("paidOn", .date(l.paidOn))])
                              }))]).printLine()
        } else {
            print("單位保費繳納證明 — Payment certificate: \(c.payerName) (\(c.payerKey))")
            printTable(header: ["保費年月", "類別", "金額", "繳納日期"],
                       rows: c.lines.map { [$0.month.compact, $0.category.label, $0.amount.grouped, $0.paidOn.rocSlashed] }, rightAligned: [2])
            print("合計 total: \(c.total.grouped)")
        }
    }
}

/// `nhi service account reset-request|reset`: forgotten registration password (忘記註冊密碼).
struct AccountResetRequest: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reset-request",
                                                    abstract: "忘記註冊密碼 — Mail a reset code (a new address needs --village).")
    @OptionGroup var options: ServiceOptions
    @Option(help: "身分證號") var id: String
    @Option(name: .customLong("card-number")) var cardNumber: String
    @Option(name: .customLong("new-email"), help: "新的電子郵件信箱") var newEmail: String?
    @Option(help: "戶籍地村里 (needed with --new-email)") var village: String?
    func run() throws {
        let service = try options.service()
        _ = try service.accounts.requestPasswordReset(personID: try parsePersonalID(id), cardNumber: try NHICardNumber(parsing: cardNumber),
                                                      newEmail: try newEmail.map { try EmailAddress(parsing: $0) }, registeredVillage: village)
        if options.json { JSONValue.object([("status", .string("mailed"))]).printLine() }
        else { print("重設註冊密碼通知信已寄出 — the reset code was mailed") }
    }
}

struct AccountReset: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reset",
        abstract: "重設註冊密碼 — Set a new password with the mailed code (code from $NHI_TOKEN or standard input, password from $NHI_PASSWORD or a prompt; never on the command line).")
    @OptionGroup var options: ServiceOptions
    @Option(help: "身分證號") var id: String
    @Option(name: .customLong("card-number")) var cardNumber: String
    func run() throws {
        let service = try options.service()
        let token = readSecret(prompt: "認證碼 code: ", variable: "NHI_TOKEN")
        let password = try RegistrationPassword(readSecret(prompt: "新的註冊密碼 new password: ", variable: "NHI_PASSWORD"))
        try service.accounts.resetPassword(token: token, personID: try parsePersonalID(id), cardNumber: try NHICardNumber(parsing: cardNumber),
                                           newPassword: password)
        if options.json { JSONValue.object([("status", .string("reset"))]).printLine() } else { print("註冊密碼已重設 — password reset") }
    }
}

/// `nhi service filing basic-data`: 保險對象基本資料變更.
struct FilingBasicData: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "basic-data",
                                                    abstract: "基本資料變更 — Change a person's name or birth date (a birth date needs --document).")
    @OptionGroup var options: ServiceOptions
    @Option(help: "身分證號") var id: String
    @Option(help: "新姓名") var name: String?
    @Option(name: .customLong("birth-date"), help: "新出生日期") var birthDate: String?
    @Option(name: .customLong("document"), help: "證明文件, repeatable") var documents: [String] = []
    func run() throws {
        let service = try options.service()
        let filing = try service.filings.changeBasicData(BasicDataChangeRequest(
            personID: try parsePersonalID(id), name: try name.map { try PersonName($0) }, birthDate: try birthDate.map(parseDate),
            attachments: try documents.map(loadDocument)), by: try options.caller(service))
        printFilings([filing], json: options.json)
    }
}
