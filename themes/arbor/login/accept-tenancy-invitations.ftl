<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=true; section>
    <#if section = "header">
        ${msg("arborInvitationsTitle")}
    <#elseif section = "form">
        <p id="arbor-invitations-instruction">${msg("arborInvitationsInstruction")}</p>
        <ul id="arbor-invitations" class="${properties.kcFormSocialAccountListClass!}" role="list">
            <#list tenancyInvitations as invitation>
                <li id="arbor-invitation-${invitation.id}" style="margin-bottom: 1rem">
                    <form action="${url.loginAction}" method="post">
                        <p style="margin-bottom: 0.5rem"><strong>${invitation.path}</strong><br>${msg("arborInvitationRoles", invitation.roles)}</p>
                        <input type="hidden" name="invitation" value="${invitation.id}">
                        <button class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!}" type="submit"
                                name="decision" value="accept">${msg("arborAccept")}</button>
                        <button class="${properties.kcButtonClass!} ${properties.kcButtonDefaultClass!}" type="submit"
                                name="decision" value="decline">${msg("arborDecline")}</button>
                    </form>
                </li>
            </#list>
        </ul>
        <form id="arbor-invitations-later" action="${url.loginAction}" method="post">
            <button class="${properties.kcButtonClass!} ${properties.kcButtonDefaultClass!} ${properties.kcButtonBlockClass!}"
                    type="submit" name="decision" value="later">${msg("arborLater")}</button>
        </form>
    </#if>
</@layout.registrationLayout>
