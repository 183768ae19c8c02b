using Igo.Web.Compat;

namespace Igo.Tests.Compat;

[Trait("Category", "Compat")]
public sealed class OriginPolicyTests
{
    [Theory]
    [InlineData(null, "http://anything.org", true)]
    [InlineData("", "http://anything.org", true)]
    [InlineData("example.com", "https://play.example.com", true)]
    [InlineData("example.com", "https://example.com:8443", true)]
    [InlineData("example.com", "https://PLAY.EXAMPLE.COM", true)]
    [InlineData("example.com", "https://example.com.evil.org", false)]
    [InlineData("example.com", "https://example.com:80/path", true)]
    [InlineData("example.com", "https://example.com:80x", false)]
    [InlineData("^example.com", "https://example.com", true)]
    [InlineData("^example.com", "https://play.example.com", false)]
    [InlineData("^localhost", "http://localhost:3000", true)]
    [InlineData("\\.example\\.com", "https://myexample.com", false)]
    [InlineData("example.com", null, true)]
    public void The_suffix_matches_the_origin_host_and_port_as_the_original_did(string? suffix, string? origin, bool allowed)
    {
        Assert.Equal(allowed, new OriginPolicy(suffix).IsAllowed(origin));
    }
}
