<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=true; section>
    <#if section = "header">
        ${msg("arborChooseScopeTitle")}
    <#elseif section = "form">
        <#if tenancyScopes?has_content>
            <p id="arbor-scope-instruction">${msg("arborChooseScopeInstruction")}</p>
            <form id="arbor-scope-form" action="${url.loginAction}" method="post">
                <ul class="${properties.kcFormSocialAccountListClass!}" role="list">
                    <#list tenancyScopes as scope>
                        <li style="margin-bottom: 0.5rem">
                            <button id="arbor-scope-${scope.id}" class="${properties.kcButtonClass!} ${properties.kcButtonDefaultClass!} ${properties.kcButtonBlockClass!}"
                                    type="submit" name="tenancy_scope" value="${scope.id}">
                                ${scope.path}
                            </button>
                        </li>
                    </#list>
                </ul>
            </form>
        <#else>
            <p id="arbor-no-scope">${msg("arborNoScope")}</p>
        </#if>
    </#if>
</@layout.registrationLayout>
