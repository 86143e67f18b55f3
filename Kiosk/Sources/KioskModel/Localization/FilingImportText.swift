import Foundation
import NHICore
import NHIService

/// Strings of the filing import and filed-data listing screen, and of the file shelf.
public enum FilingImportText: Sendable, Hashable {
    case intro
    case shelfTitle(folder: String?)
    case shelfEmpty(Set<String>)
    case shelfNone
    case shelfLine(ShelfFile)
    case pick(ShelfFile)
    case otherFile
    case chosen(name: String, rows: Int?)
    case clean(rows: Int?)
    case rejectedCount(Int)
    case rejection(FilingImportRejection)
    case importButton
    case importTitle
    case importMessage(name: String, rows: Int?)
    case imported(FilingImportResult)
    case listingSection
    case from
    case through
    case loadListing
    case listingTitle
    case listingRange(from: CalendarDate, through: CalendarDate, unit: String)
    case listingLine(Filing, masked: Bool)
    case listingCount(Int)
    case noListing
    case printListing

    var pair: (String, String) {
        switch self {
        case .intro:
            ("申報檔為 UTF-8 CSV，欄位：kind,id,name,birthDate,amount,date,dependantOf,relation（加保 enrol、薪調 adjust、退保 withdraw）。先檢查每一筆，全部正確才能匯入；同一檔案不會重複匯入。",
             "A UTF-8 CSV: kind,id,name,birthDate,amount,date,dependantOf,relation (enrol, adjust, withdraw). Every row is checked first; only a clean file is imported, and never twice.")
        case .shelfTitle(let folder):
            folder.map { ("交換資料夾 \($0) 的檔案", "Files in the exchange folder \($0)") } ?? ("未設定交換資料夾（啟動參數 --files）", "No exchange folder set (--files)")
        case .shelfEmpty(let extensions):
            {
                let kinds = extensions.sorted().joined(separator: "、")
                return ("資料夾中沒有可用的檔案（\(kinds)）", "No files of the right kind (\(extensions.sorted().joined(separator: ", "))) in the folder")
            }()
        case .shelfNone: ("—", "—")
        case .shelfLine(let f):
            ("\(f.name)　\(Self.size(f.size))　\(CalendarDate.today(at: f.modified).rocSlashed) \(AuditText.clock(f.modified))",
             "\(f.name) · \(Self.size(f.size)) · \(CalendarDate.today(at: f.modified).iso) \(AuditText.clock(f.modified))")
        case .pick(let f): ("選取 \(f.name)", "Choose \(f.name)")
        case .otherFile: ("其他位置的檔案…", "A file elsewhere…")
        case .chosen(let name, let rows): ("檔案 \(name)" + (rows.map { "，共 \($0) 筆" } ?? ""), "File \(name)" + (rows.map { ", \($0) rows" } ?? ""))
        case .clean(let rows): ("檢查通過" + (rows.map { "：\($0) 筆皆可申報" } ?? ""), "Checked" + (rows.map { ": all \($0) rows can be filed" } ?? ""))
        case .rejectedCount(let n): ("有 \(n) 筆資料不符規定，請修正後重新選取檔案（整個檔案都不會匯入）", "\(n) rows break a rule: correct the file and choose it again (nothing is imported)")
        case .rejection(let r):
            ("第\(r.row)筆：\(r.error.message)" + (r.error.context["person"].map { "（\($0)）" } ?? ""),
             "Row \(r.row): \(r.error.messageEn)" + (r.error.context["person"].map { " (\($0))" } ?? ""))
        case .importButton: ("匯入申報", "Import the filings")
        case .importTitle: ("匯入這個申報檔？", "Import this filing file?")
        case .importMessage(let name, let rows):
            ("將以 \(name) 申報" + (rows.map { " \($0) 筆" } ?? "") + "異動（全部一次申報），當日可於「今日申報及檢核結果」刪除。",
             "\(name) will file" + (rows.map { " \($0)" } ?? "") + " changes at once; each can be deleted today under Today's filings.")
        case .imported(let r):
            r.alreadyImported ? ("此檔案已匯入過（批次 \(r.batchID)），未重複申報", "This file was imported before (batch \(r.batchID)); nothing was filed again")
                : ("已匯入 \(r.imported) 筆申報（批次 \(r.batchID)）。今晚 22:30 轉檔，次日可查詢檢核結果。", "\(r.imported) filings imported (batch \(r.batchID)). Converted tonight at 22:30; check results tomorrow.")
        case .listingSection: ("申報資料套印表格", "Filed data for printing")
        case .from: ("申報日期起（民國年月日）", "Filed from (ROC yyyMMdd)")
        case .through: ("申報日期迄（民國年月日）", "Filed through (ROC yyyMMdd)")
        case .loadListing: ("查詢申報資料", "List the filed data")
        case .listingTitle: ("全民健康保險申報資料套印表", "NHI filed data")
        case .listingRange(let from, let through, let unit):
            ("投保單位 \(unit)　申報日期 \(from.rocSlashed)–\(through.rocSlashed)", "Unit \(unit) · filed \(from.iso)–\(through.iso)")
        case .listingLine(let f, let masked):
            {
                let id = masked ? f.personID.masked : f.personID.rawValue
                let amount = f.insuredAmount.map { $0.display } ?? "—"
                let adjusted = f.adjustedAmount.map { "→\($0.display)" } ?? ""
                let reason = f.reason.isEmpty ? "" : "　\(f.reason)"
                return ("\(f.filedOn.rocSlashed)　\(f.kind.label)　\(f.family == .nhiOnly ? "健保專用" : "三合一")　\(f.roleLabel)　\(f.name) \(id)　\(amount)\(adjusted)　生效 \(f.effectiveDate.rocSlashed)" + reason,
                        "\(f.filedOn.iso) · \(f.kind.rawValue) · \(f.family.rawValue) · \(f.name) \(id) · \(amount)\(adjusted) · effective \(f.effectiveDate.iso)" + (f.reason.isEmpty ? "" : " · \(f.reason)"))
            }()
        case .listingCount(let n): ("共 \(n) 筆", "\(n) filings")
        case .noListing: ("此期間沒有申報資料", "Nothing filed in this range")
        case .printListing: ("列印申報資料", "Print the filed data")
        }
    }

    static func size(_ bytes: Int) -> String {
        bytes < 1024 ? "\(bytes) B" : bytes < 1024 * 1024 ? "\(bytes / 1024) KB" : String(format: "%.1f MB", Double(bytes) / 1_048_576)
    }
}
