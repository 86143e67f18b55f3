import Foundation
import Testing

@Suite("nhi grade, premium, grades, labour-premium, supplementary, late-fee")
struct GradeCommandTests {
    @Test("nhi grade --json: the contract keys; upper null at the top")
    func grade() throws {
        let result = try CLI.run(["grade", "29501", "--on", "2026-03-01", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try result.json()
        #expect(object["table"] as? String == "nhi")
        #expect(object["effectiveFrom"] as? String == "2026-01-01")
        #expect(object["grade"] as? Int == 2)
        #expect(object["insuredAmount"] as? Int == 30_300)
        #expect(object["lower"] as? Int == 29_501)
        #expect(object["upper"] as? Int == 30_300)

        let top = try CLI.run(["grade", "400,000", "--on", "2026-03-01", "--json"]).json()
        #expect(top["insuredAmount"] as? Int == 313_000 && top["grade"] as? Int == 58)
        #expect(top["upper"] is NSNull)

        let retro = try CLI.run(["grade", "25000", "--on", "111/12/01", "--json"]).json()
        #expect(retro["insuredAmount"] as? Int == 25_250 && retro["effectiveFrom"] as? String == "2022-07-01")

        let labour = try CLI.run(["grade", "12000", "--on", "2026-01-01", "--table", "labour", "--part-time", "--json"]).json()
        #expect(labour["table"] as? String == "labour" && labour["insuredAmount"] as? Int == 12_540 && labour["partTime"] as? Bool == true)
    }

    @Test("nhi grade: readable text, errors exit 1 with a bilingual message, usage errors exit 2")
    func gradeText() throws {
        let text = try CLI.run(["grade", "30000", "--on", "2026-01-01"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("投保金額 30,300") && text.stdout.contains("grade 2"))
        let early = try CLI.run(["grade", "30000", "--on", "2020-01-01"])
        #expect(early.status == 1 && early.stderr.contains("table.notInForce") && early.stderr.contains("no table"))
        #expect(try CLI.run(["grade", "-5", "--on", "2026-01-01"]).status != 0)
        #expect(try CLI.run(["grade", "30000", "--table", "bogus"]).status == 2)
    }

    @Test("nhi premium --json reproduces the official 2026 and 2025 rows")
    func premium() throws {
        let rows: [(String, Int, Int, Int, Int?)] = [
            ("2026-01-01", 29_500, 458, 1_428, 238), ("2026-01-01", 162_800, 2_525, 7_878, nil),
            ("2026-01-01", 313_000, 4_855, 15_146, nil), ("2025-01-01", 28_590, 443, 1_384, 231),
        ]
        for (date, amount, perHead, unit, government) in rows {
            let object = try CLI.run(["premium", "--insured-amount", String(amount), "--on", date, "--json"]).json()
            #expect(object["insuredAmount"] as? Int == amount)
            #expect(object["perHead"] as? Int == perHead)
            #expect(object["insured"] as? Int == perHead)
            #expect(object["unit"] as? Int == unit)
            if let government { #expect(object["government"] as? Int == government) }
            #expect(object["rate"] as? String == "5.17%")
            #expect(object["averageDependants"] as? String == "0.56")
        }
        for (dependants, insured) in [(0, 458), (1, 916), (2, 1_374), (3, 1_832), (4, 1_832)] {
            let object = try CLI.run(["premium", "--salary", "29500", "--dependants", String(dependants), "--on", "2026-01-01", "--json"]).json()
            #expect(object["insured"] as? Int == insured)
            #expect(object["grade"] as? Int == 1)
            #expect((object["perPerson"] as? [[String: Any]])?.count == dependants + 1)
        }
        let employer = try CLI.run(["premium", "--insured-amount", "313000", "--category", "employer", "--on", "2026-01-01", "--json"]).json()
        #expect(employer["unit"] as? Int == 0 && employer["government"] as? Int == 0 && employer["perHead"] as? Int == 16_182)
        #expect((employer["shares"] as? [String: Any])?["insured"] as? String == "100%")
    }

    @Test("nhi premium: usage and value errors")
    func premiumErrors() throws {
        #expect(try CLI.run(["premium", "--on", "2026-01-01"]).status == 2)
        #expect(try CLI.run(["premium", "--salary", "1", "--insured-amount", "29500"]).status == 2)
        let notAGrade = try CLI.run(["premium", "--insured-amount", "30000", "--on", "2026-01-01"])
        #expect(notAGrade.status == 1 && notAGrade.stderr.contains("insuredAmount.notAGrade") && notAGrade.stderr.contains("30,300"))
        let text = try CLI.run(["premium", "--salary", "29500", "--dependants", "5", "--on", "2026-01-01"])
        #expect(text.status == 0 && text.stdout.contains("1,832") && text.stdout.contains("眷屬5"))
    }

    @Test("nhi grades table: the whole 2026 burden table as text, CSV and JSON")
    func burdenTable() throws {
        let csv = try CLI.run(["grades", "table", "--on", "2026-01-01", "--csv"])
        #expect(csv.status == 0)
        #expect(csv.lines.first == "等級,投保金額,本人,本人+1眷口,本人+2眷口,本人+3眷口,投保單位負擔,政府補助")
        #expect(csv.lines.count == 59)
        #expect(csv.lines.contains("1,29500,458,916,1374,1832,1428,238"))
        #expect(csv.lines.contains { $0.hasPrefix("40,162800,2525,") && $0.contains(",7878,") })
        #expect(csv.lines.last?.hasPrefix("58,313000,4855,9710,14565,19420,15146,") == true)

        let json = try CLI.run(["grades", "table", "--on", "2025-06-01", "--json"]).json()
        let rows = try #require(json["rows"] as? [[String: Any]])
        #expect(rows.count == 59)
        #expect(rows[0]["insuredAmount"] as? Int == 28_590 && rows[0]["self"] as? Int == 443 && rows[0]["unit"] as? Int == 1_384
                && rows[0]["government"] as? Int == 231)

        let text = try CLI.run(["grades", "table", "--on", "2026-01-01"])
        #expect(text.status == 0 && text.stdout.contains("衛部保字第1140153424號令") && text.stdout.contains("1,832"))

        let labour = try CLI.run(["grades", "table", "--table", "labour", "--on", "2026-01-01", "--csv"])
        #expect(labour.lines.contains("部分工時1,11100,255,22,277,894,78,972,139"))
        #expect(try CLI.run(["grades", "table", "--table", "accident", "--on", "2026-01-01"]).status == 2)
        let accident = try CLI.run(["grades", "table", "--table", "accident", "--industry-rate", "0.11%", "--on", "2026-01-01", "--csv"])
        #expect(accident.lines.contains("11,45800,82"))
        let pension = try CLI.run(["grades", "table", "--table", "pension", "--on", "2026-01-01", "--csv"])
        #expect(pension.lines.count == 63 && pension.lines.contains("62,150000,9000"))
    }

    @Test("nhi grades list and check")
    func listAndCheck() throws {
        let list = try CLI.run(["grades", "list", "--json"]).jsonLines()
        let nhi = list.filter { $0["table"] as? String == "nhi" }.compactMap { $0["effectiveFrom"] as? String }
        #expect(["2022-07-01", "2023-01-01", "2024-01-01", "2025-01-01", "2026-01-01"].allSatisfy(nhi.contains))
        #expect(list.allSatisfy { ($0["source"] as? String)?.isEmpty == false })

        let check = try CLI.run(["grades", "check", "50600", "--category", "employer", "--on", "2026-01-01", "--json"])
        #expect(check.status == 0)
        let verdict = try check.json()
        #expect(verdict["status"] as? String == "needsProof" && verdict["suggestion"] as? Int == 313_000)
        let rejected = try CLI.run(["grades", "check", "34800", "--category", "professional", "--no-paid-staff", "--on", "2026-01-01"])
        #expect(rejected.status == 1 && rejected.stdout.contains("insuredAmount.belowGrade6"))
    }

    @Test("nhi labour-premium: 11,100 → worker 255 + 22 = 277, unit 894 + 78 = 972")
    func labour() throws {
        let object = try CLI.run(["labour-premium", "--insured-salary", "11100", "--on", "2026-01-01", "--json"]).json()
        let ordinary = try #require(object["ordinary"] as? [String: Any])
        let employment = try #require(object["employment"] as? [String: Any])
        #expect(ordinary["worker"] as? Int == 255 && employment["worker"] as? Int == 22 && object["worker"] as? Int == 277)
        #expect(ordinary["unit"] as? Int == 894 && employment["unit"] as? Int == 78 && object["unit"] as? Int == 972)
        #expect(object["accident"] is NSNull && object["pension"] is NSNull)

        let full = try CLI.run(["labour-premium", "--salary", "45000", "--industry-rate", "0.11%", "--pension-rate", "6",
                                "--voluntary-rate", "3%", "--on", "2026-01-01", "--json"]).json()
        #expect(full["insuredSalary"] as? Int == 45_800)
        #expect((full["accident"] as? [String: Any])?["employer"] as? Int == 82)
        #expect((full["pension"] as? [String: Any])?["employer"] as? Int == 2_748)
        #expect((full["pension"] as? [String: Any])?["voluntary"] as? Int == 1_374)
        let text = try CLI.run(["labour-premium", "--insured-salary", "11100", "--on", "2026-01-01"])
        #expect(text.status == 0 && text.stdout.contains("277") && text.stdout.contains("972"))
    }

    @Test("nhi supplementary: SPEC code-62 example 31,800 / 150,000 → 22,800 → 481; bonuses; unit")
    func supplementary() throws {
        let object = try CLI.run(["supplementary", "payment", "--code", "62", "--amount", "150000", "--insured-amount", "31800",
                                  "--paid-on", "2026-03-05", "--json"]).json()
        #expect(object["threshold"] as? Int == 127_200 && object["base"] as? Int == 22_800 && object["premium"] as? Int == 481)
        #expect(object["rate"] as? String == "2.11%")
        let split = try CLI.run(["supplementary", "payment", "--code", "62", "--amount", "50000", "--earlier-bonuses", "100000",
                                 "--insured-amount", "31800", "--paid-on", "2026-06-30", "--json"]).json()
        #expect(split["premium"] as? Int == 481 && split["cumulativeBonuses"] as? Int == 150_000)

        let series = try CLI.run(["supplementary", "bonuses", "--insured-amount", "31800", "2026-02-10:100000", "2026-06-30:50000", "--json"])
        #expect(try series.jsonLines().map { $0["premium"] as? Int } == [0, 481])

        let unit = try CLI.run(["supplementary", "unit", "--month", "115/01", "--salaries-paid", "1000000", "--insured-total", "850000", "--json"]).json()
        #expect(unit["premium"] as? Int == 3_165 && unit["month"] as? String == "11501")

        let missing = try CLI.run(["supplementary", "payment", "--code", "62", "--amount", "50000", "--paid-on", "2026-06-30"])
        #expect(missing.status == 1 && missing.stderr.contains("supplementary.insuredAmountMissing"))
        #expect(try CLI.run(["supplementary", "payment", "--code", "64", "--amount", "50000"]).status == 2)
    }

    @Test("nhi late-fee: the seed's unpaid premium and a capped fee")
    func lateFee() throws {
        let seed = try CLI.run(["late-fee", "--month", "11111", "--amount", "15652495", "--pay-on", "111/12/28", "--json"]).json()
        #expect(seed["dueDate"] as? String == "2022-12-31" && seed["feeStartDate"] as? String == "2023-01-17")
        #expect(seed["fee"] as? Int == 0 && seed["total"] as? Int == 15_652_495)
        let late = try CLI.run(["late-fee", "--month", "2022-11", "--amount", "15652495", "--pay-on", "2023-01-17", "--json"]).json()
        #expect(late["fee"] as? Int == 15_652 && late["daysLate"] as? Int == 1)
        let capped = try CLI.run(["late-fee", "--month", "11111", "--amount", "10000", "--pay-on", "2024-01-01", "--payer", "individual", "--json"]).json()
        #expect(capped["fee"] as? Int == 500 && capped["capReached"] as? Bool == true && capped["cap"] as? String == "5%")
        let text = try CLI.run(["late-fee", "--month", "11111", "--amount", "15652495", "--pay-on", "2022-12-28"])
        #expect(text.status == 0 && text.stdout.contains("112/01/17"))
        #expect(try CLI.run(["late-fee", "--amount", "1"]).status == 2)
    }

    @Test("--tables-dir merges a new year's table file")
    func tablesDir() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("nhi-cli-tables-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("nhi"), withIntermediateDirectories: true)
        let json = """
            {"kind": "nhi", "effectiveFrom": "2027-01-01", "title": "全民健康保險投保金額分級表", "titleEn": "NHI grades",
             "instrument": {"issuer": "衛生福利部"}, "source": {"title": "test"}, "notes": "test table, instrument not yet known",
             "grades": [{"grade": 1, "amount": 31000}, {"grade": 2, "amount": 31800}, {"grade": 3, "amount": 400000}]}
            """
        try Data(json.utf8).write(to: directory.appendingPathComponent("nhi/2027-01-01.json"))
        let object = try CLI.run(["grade", "30000", "--on", "2027-02-01", "--tables-dir", directory.path, "--json"]).json()
        #expect(object["insuredAmount"] as? Int == 31_000 && object["effectiveFrom"] as? String == "2027-01-01")
        try Data("{\"kind\": \"nhi\"}".utf8).write(to: directory.appendingPathComponent("nhi/bad.json"))
        let bad = try CLI.run(["grade", "30000", "--tables-dir", directory.path])
        #expect(bad.status == 1 && bad.stderr.contains("table.malformed") && bad.stderr.contains("nhi/bad.json"))
    }
}
