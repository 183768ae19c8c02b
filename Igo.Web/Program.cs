using Igo.Web;
using Igo.Web.Browser;
using Igo.Web.Circuits;
using Igo.Web.Compat;
using Igo.Web.Components;
using Igo.Web.Computer;
using Igo.Web.Games;
using Igo.Web.Lobby;
using Igo.Web.Operations;
using Igo.Web.Review;
using Igo.Web.Security;
using MudBlazor.Services;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddRootSettings(builder.Environment);

// Serve _content/* and the framework scripts from the build output in every environment, not only Development.
builder.WebHost.UseStaticWebAssets();

builder.Services.AddRazorComponents().AddInteractiveServerComponents().AddIgoCircuitKeepAlive().AddIgoCircuitsPerAddress();
builder.Services.AddMudServices();
builder.Services.AddIgoGames(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddIgoComputer();
builder.Services.AddIgoReview();
builder.Services.AddIgoLobby();
builder.Services.AddIgoSecurity();
builder.Services.AddIgoCompatibility();
builder.Services.AddIgoCircuits();
builder.Services.AddIgoBrowser();
builder.Services.AddIgoOperations(builder.Configuration);

var app = builder.Build();

// First: every later middleware and the per-address limits see the client's address, not the proxy's (Security:TrustedProxies).
app.UseForwardedHeaders();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
}

app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseIgoOperations();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapIgoCompatibility();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();
