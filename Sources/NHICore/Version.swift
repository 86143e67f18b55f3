/// The SDK's version, a tag-ready semantic version (`git tag 0.1.0`). It matches the newest
/// entry of CHANGELOG.md (a test checks that) and `nhi --version`.
public enum NHIVersion {
    /// `major.minor.patch`.
    public static let current = "0.1.0"
}
