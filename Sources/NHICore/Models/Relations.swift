/// How a dependant (眷屬) is related to the insured person (NHI Act art. 2).
///
/// Dependants are a spouse without a job, lineal ascendants by blood without a job, and
/// lineal descendants by blood within the second degree (minors, or adults unable to
/// earn a living or still at school). In-laws (公婆, 岳父母) can never be dependants;
/// siblings do not qualify either. ``init(parsing:)`` refuses both with a clear error.
public enum DependantRelation: String, Sendable, Hashable, Codable, CaseIterable {
    /// 配偶: the insured person's spouse, when without a job.
    case spouse
    /// 父母: a parent by blood, when without a job.
    case parent
    /// 祖父母: a grandparent by blood, when without a job.
    case grandparent
    /// 曾祖父母: a great-grandparent by blood, when without a job.
    case greatGrandparent
    /// 子女: a child (a minor, or an adult unable to earn a living or still at school).
    case child
    /// 孫子女: a grandchild, a lineal descendant in the second degree, on the same terms as a child.
    case grandchild

    /// `配偶`, `父母`, `祖父母`, `曾祖父母`, `子女`, `孫子女`.
    public var label: String {
        switch self {
        case .spouse: "配偶"
        case .parent: "父母"
        case .grandparent: "祖父母"
        case .greatGrandparent: "曾祖父母"
        case .child: "子女"
        case .grandchild: "孫子女"
        }
    }

    /// Whether the relation is to an ascendant (parents and above).
    public var isAscendant: Bool { [.parent, .grandparent, .greatGrandparent].contains(self) }

    private static let inLawTerms: Set<String> = [
        "公婆", "公公", "婆婆", "岳父母", "岳父", "岳母", "翁姑", "媳婦", "女婿", "配偶父母", "配偶之父母",
        "father-in-law", "mother-in-law", "parent-in-law", "parents-in-law", "son-in-law", "daughter-in-law", "in-law",
    ]
    private static let notEligibleTerms: Set<String> = [
        "兄弟姊妹", "兄弟", "姊妹", "兄", "弟", "姊", "妹", "叔叔", "伯父", "舅舅", "阿姨", "姑姑", "姪子", "外甥", "曾孫", "同居人",
        "sibling", "brother", "sister", "uncle", "aunt", "nephew", "niece", "cousin", "partner", "great-grandchild",
    ]
    private static let terms: [String: DependantRelation] = [
        "配偶": .spouse, "夫": .spouse, "妻": .spouse, "spouse": .spouse, "husband": .spouse, "wife": .spouse,
        "父母": .parent, "父": .parent, "母": .parent, "父親": .parent, "母親": .parent, "parent": .parent, "father": .parent, "mother": .parent,
        "祖父母": .grandparent, "祖父": .grandparent, "祖母": .grandparent, "外祖父": .grandparent, "外祖母": .grandparent, "外祖父母": .grandparent, "grandparent": .grandparent,
        "曾祖父母": .greatGrandparent, "曾祖父": .greatGrandparent, "曾祖母": .greatGrandparent, "great-grandparent": .greatGrandparent,
        "子女": .child, "子": .child, "女": .child, "兒子": .child, "女兒": .child, "child": .child, "son": .child, "daughter": .child,
        "孫子女": .grandchild, "孫子": .grandchild, "孫女": .grandchild, "外孫": .grandchild, "外孫女": .grandchild, "grandchild": .grandchild,
    ]

    /// Parses a relation written in Chinese or English (`配偶`, `父`, `grandchild`,
    /// `greatGrandparent`); in-laws → `relation.inLaw`, siblings and other kin →
    /// `relation.notEligible`.
    public init(parsing input: String) throws(ValidationError) {
        let key = Normalizer.trimmed(input).lowercased()
        if let relation = DependantRelation(rawValue: Normalizer.trimmed(input)) ?? Self.terms[key] { self = relation; return }
        if Self.inLawTerms.contains(key) || key.hasSuffix("-in-law") || key.hasPrefix("岳") || key.hasPrefix("公婆") {
            throw ValidationError.make(.relationInLaw, .relation, input: input)
        }
        if Self.notEligibleTerms.contains(key) { throw ValidationError.make(.relationNotEligible, .relation, input: input) }
        throw ValidationError.make(.relationUnknown, .relation, input: input)
    }
}

/// A staff role in a unit's online account (SPEC §1).
public enum StaffRole: String, Sendable, Hashable, Codable, CaseIterable {
    /// 管理者: assigns and deletes administrators and operators; sees everything of the unit.
    case administrator
    /// 承辦人: files changes and uploads; sees only their own uploads and records.
    case `operator`

    /// `管理者` / `承辦人`.
    public var label: String { self == .administrator ? "管理者" : "承辦人" }
}

/// The credential a person or a unit logs in with (SPEC §2, §12).
public enum CertificateKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// 自然人憑證, issued by MOICA (內政部憑證管理中心).
    case citizen
    /// 工商憑證, issued by MOEACA to companies and firms.
    case moeaca
    /// 政府憑證, issued by GCA to government agencies.
    case gca
    /// 組織及團體憑證, issued by XCA to schools, foundations, associations and other organisations.
    case xca
    /// 醫事人員卡, healthcare-professional cards (HCA); treated as a citizen certificate.
    case healthcareProfessional
    /// 健保卡 with a registration password.
    case nhiCard

    /// Whether this is an organisation certificate (單位憑證), which holds administrator
    /// rights for its unit by itself.
    public var isOrganisation: Bool { [.moeaca, .gca, .xca].contains(self) }

    /// Whether this certificate identifies a natural person.
    public var isPersonal: Bool { !isOrganisation }

    /// `自然人憑證`, `工商憑證`, `政府憑證`, `組織及團體憑證`, `醫事人員卡`, `健保卡`.
    public var label: String {
        switch self {
        case .citizen: "自然人憑證"
        case .moeaca: "工商憑證"
        case .gca: "政府憑證"
        case .xca: "組織及團體憑證"
        case .healthcareProfessional: "醫事人員卡"
        case .nhiCard: "健保卡"
        }
    }

    /// `citizen certificate`, `MOEACA business certificate`, …
    public var labelEn: String {
        switch self {
        case .citizen: "citizen digital certificate"
        case .moeaca: "MOEACA business certificate"
        case .gca: "GCA government certificate"
        case .xca: "XCA organisation certificate"
        case .healthcareProfessional: "healthcare-professional card"
        case .nhiCard: "NHI card"
        }
    }
}

/// The insured category (身分別) that decides who pays which share of the premium.
public enum InsuredCategory: String, Sendable, Hashable, Codable, CaseIterable {
    /// Employees of enterprises (受雇者); shares 30/60/10.
    case employee
    /// Employers (雇主); 100 % self-paid, top grade by default.
    case employer
    /// Self-employed (自營業主); 100 % self-paid, top grade by default.
    case selfEmployed = "self-employed"
    /// Self-practising professionals (專門職業及技術人員自行執業者); 100 %, not below grade 6 without staff.
    case professional
    /// Civil servants (公務人員); 30/70/0.
    case civilServant = "civil-servant"
    /// Private-school staff (私校教職員); 30/35/35.
    case privateSchool = "private-school"
    /// Union members (職業工會會員); 60/0/40.
    case union
    /// Farmers (農會會員); 30/0/70.
    case farmer

    /// `受雇者`, `雇主`, …
    public var label: String {
        switch self {
        case .employee: "受雇者"
        case .employer: "雇主"
        case .selfEmployed: "自營業主"
        case .professional: "專門職業及技術人員"
        case .civilServant: "公務人員"
        case .privateSchool: "私立學校教職員"
        case .union: "職業工會會員"
        case .farmer: "農會會員"
        }
    }

    /// Employers, the self-employed and professionals: 第一類第三至五目, top grade unless proven lower.
    public var defaultsToTopGrade: Bool { [.employer, .selfEmployed, .professional].contains(self) }

    /// Parses the CLI form (`self-employed`) or the Swift case name (`selfEmployed`).
    public init(parsing input: String) throws(ValidationError) {
        let key = Normalizer.trimmed(input)
        if let value = InsuredCategory(rawValue: key) ?? InsuredCategory.allCases.first(where: { "\($0)" == key || $0.label == key }) {
            self = value
        } else {
            throw ValidationError.make(.categoryUnknown, .category, input: input)
        }
    }
}
