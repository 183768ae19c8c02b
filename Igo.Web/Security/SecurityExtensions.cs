using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Igo.Web.Security;

public static class SecurityExtensions
{
    /// <summary>
    /// Binds <see cref="SecurityOptions"/> from the <c>Security</c> section, sets the forwarded-headers middleware
    /// (<c>app.UseForwardedHeaders()</c>) to believe only <c>Security:TrustedProxies</c>, and registers the failed-join
    /// allowance that <c>/websocket</c> and the Blazor UI share.
    /// </summary>
    public static IServiceCollection AddIgoSecurity(this IServiceCollection services)
    {
        services.AddOptions<SecurityOptions>()
            .BindConfiguration(SecurityOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => TrustedProxies.AreValid(o.TrustedProxies), "Security:TrustedProxies must be comma-separated IP addresses or CIDR networks")
            .ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>()
            .Configure<IOptions<SecurityOptions>>((forwarded, security) => TrustedProxies.Apply(forwarded, security.Value.TrustedProxies));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<FailedJoinLimiter>();
        return services;
    }
}
