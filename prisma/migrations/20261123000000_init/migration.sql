-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "CustomerEngagementDeployment" AS ENUM ('online', 'onPremises');

-- CreateEnum
CREATE TYPE "TenantRole" AS ENUM ('globalAdmin', 'exchangeAdmin');

-- CreateEnum
CREATE TYPE "PrivilegeDepth" AS ENUM ('user', 'businessUnit', 'organization');

-- CreateEnum
CREATE TYPE "ServerType" AS ENUM ('exchangeOnline', 'exchangeServer');

-- CreateEnum
CREATE TYPE "ExchangeOnlineAuthenticationType" AS ENUM ('s2sSameTenant', 'oauthCrossTenant');

-- CreateEnum
CREATE TYPE "AuthenticateUsing" AS ENUM ('credentialsSpecifiedByUserOrQueue', 'credentialsSpecifiedInEmailServerProfile', 'windowsIntegratedAuthentication', 'withoutCredentials');

-- CreateEnum
CREATE TYPE "AuthenticationProtocol" AS ENUM ('autoDetect', 'negotiate', 'ntlm', 'basic');

-- CreateEnum
CREATE TYPE "TestStatus" AS ENUM ('success', 'warning', 'failure');

-- CreateEnum
CREATE TYPE "MailboxType" AS ENUM ('user', 'queue');

-- CreateEnum
CREATE TYPE "IncomingEmailDeliveryMethod" AS ENUM ('none', 'outlook', 'serverSideSynchronization', 'forwardMailbox');

-- CreateEnum
CREATE TYPE "OutgoingEmailDeliveryMethod" AS ENUM ('none', 'outlook', 'serverSideSynchronization');

-- CreateEnum
CREATE TYPE "AppointmentsContactsTasksDeliveryMethod" AS ENUM ('none', 'outlook', 'serverSideSynchronization');

-- CreateEnum
CREATE TYPE "EmailAddressStatus" AS ENUM ('empty', 'approved', 'pendingApproval', 'rejected');

-- CreateEnum
CREATE TYPE "MailboxTestStatus" AS ENUM ('notRun', 'success', 'failure');

-- CreateTable
CREATE TABLE "Environment" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "customerEngagement" "CustomerEngagementDeployment" NOT NULL,
    "defaultServerProfileId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Environment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "fullName" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "tenantRoles" "TenantRole"[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "userId" UUID NOT NULL,
    "csrfToken" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SecurityRole" (
    "id" UUID NOT NULL,
    "environmentId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "isBuiltIn" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "SecurityRole_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RolePrivilege" (
    "roleId" UUID NOT NULL,
    "privilege" TEXT NOT NULL,
    "depth" "PrivilegeDepth" NOT NULL,

    CONSTRAINT "RolePrivilege_pkey" PRIMARY KEY ("roleId","privilege")
);

-- CreateTable
CREATE TABLE "UserSecurityRole" (
    "userId" UUID NOT NULL,
    "roleId" UUID NOT NULL,

    CONSTRAINT "UserSecurityRole_pkey" PRIMARY KEY ("userId","roleId")
);

-- CreateTable
CREATE TABLE "ServerProfile" (
    "id" UUID NOT NULL,
    "environmentId" UUID NOT NULL,
    "ownerId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "serverType" "ServerType" NOT NULL,
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "authenticationType" "ExchangeOnlineAuthenticationType",
    "tenantId" TEXT,
    "applicationId" TEXT,
    "clientSecretEncrypted" TEXT,
    "useAutoDiscover" BOOLEAN NOT NULL DEFAULT false,
    "incomingServerLocation" TEXT,
    "outgoingServerLocation" TEXT,
    "defaultServerLocation" TEXT,
    "authenticateUsing" "AuthenticateUsing",
    "incomingUserName" TEXT,
    "incomingPasswordEncrypted" TEXT,
    "useSameSettingsForOutgoing" BOOLEAN NOT NULL DEFAULT true,
    "outgoingUserName" TEXT,
    "outgoingPasswordEncrypted" TEXT,
    "incomingAuthenticationProtocol" "AuthenticationProtocol" NOT NULL DEFAULT 'autoDetect',
    "outgoingAuthenticationProtocol" "AuthenticationProtocol" NOT NULL DEFAULT 'autoDetect',
    "incomingPort" INTEGER NOT NULL DEFAULT 443,
    "outgoingPort" INTEGER NOT NULL DEFAULT 443,
    "incomingUseSsl" BOOLEAN NOT NULL DEFAULT true,
    "outgoingUseSsl" BOOLEAN NOT NULL DEFAULT true,
    "incomingUseImpersonation" BOOLEAN NOT NULL DEFAULT false,
    "outgoingUseImpersonation" BOOLEAN NOT NULL DEFAULT false,
    "processEmailsReceivedAfter" TIMESTAMP(3),
    "minPollingIntervalInMinutes" INTEGER NOT NULL DEFAULT 0,
    "maxConcurrentConnections" INTEGER NOT NULL DEFAULT 10,
    "timeoutMailboxConnection" BOOLEAN NOT NULL DEFAULT true,
    "timeoutMailboxConnectionAfterAmount" INTEGER NOT NULL DEFAULT 100,
    "sendEmailAlert" BOOLEAN NOT NULL DEFAULT false,
    "moveUndeliveredEmails" BOOLEAN NOT NULL DEFAULT false,
    "lastTestStatus" "TestStatus",
    "lastTestStartedAt" TIMESTAMP(3),
    "lastTestDurationMs" INTEGER,
    "lastTestMessage" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ServerProfile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Mailbox" (
    "id" UUID NOT NULL,
    "environmentId" UUID NOT NULL,
    "type" "MailboxType" NOT NULL,
    "name" TEXT NOT NULL,
    "emailAddress" TEXT NOT NULL,
    "ownerId" UUID NOT NULL,
    "serverProfileId" UUID,
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "incomingEmailDeliveryMethod" "IncomingEmailDeliveryMethod" NOT NULL DEFAULT 'serverSideSynchronization',
    "outgoingEmailDeliveryMethod" "OutgoingEmailDeliveryMethod" NOT NULL DEFAULT 'serverSideSynchronization',
    "appointmentsContactsTasksDeliveryMethod" "AppointmentsContactsTasksDeliveryMethod" NOT NULL DEFAULT 'serverSideSynchronization',
    "emailAddressStatus" "EmailAddressStatus" NOT NULL DEFAULT 'pendingApproval',
    "emailAddressApprovedById" UUID,
    "emailAddressApprovedAt" TIMESTAMP(3),
    "incomingEmailStatus" "MailboxTestStatus" NOT NULL DEFAULT 'notRun',
    "outgoingEmailStatus" "MailboxTestStatus" NOT NULL DEFAULT 'notRun',
    "appointmentsContactsTasksStatus" "MailboxTestStatus" NOT NULL DEFAULT 'notRun',
    "isEnabledForIncomingEmail" BOOLEAN NOT NULL DEFAULT false,
    "isEnabledForOutgoingEmail" BOOLEAN NOT NULL DEFAULT false,
    "isEnabledForAppointmentsContactsTasks" BOOLEAN NOT NULL DEFAULT false,
    "syncItemsFromThisOrgOnly" BOOLEAN NOT NULL DEFAULT false,
    "allowCredentialsForEmailProcessing" BOOLEAN NOT NULL DEFAULT false,
    "userName" TEXT,
    "passwordEncrypted" TEXT,
    "processEmailsReceivedAfter" TIMESTAMP(3),
    "testCompletedOn" TIMESTAMP(3),
    "testAndEnableLastAttemptedById" UUID,
    "lastErrorCode" TEXT,
    "lastErrorMessage" TEXT,
    "lastErrorAt" TIMESTAMP(3),
    "consecutiveErrorCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Mailbox_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Environment_name_key" ON "Environment"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Environment_defaultServerProfileId_key" ON "Environment"("defaultServerProfileId");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "SecurityRole_environmentId_name_key" ON "SecurityRole"("environmentId", "name");

-- CreateIndex
CREATE INDEX "UserSecurityRole_roleId_idx" ON "UserSecurityRole"("roleId");

-- CreateIndex
CREATE INDEX "ServerProfile_environmentId_isActive_name_idx" ON "ServerProfile"("environmentId", "isActive", "name");

-- CreateIndex
CREATE UNIQUE INDEX "ServerProfile_environmentId_name_key" ON "ServerProfile"("environmentId", "name");

-- CreateIndex
CREATE INDEX "Mailbox_environmentId_isActive_name_idx" ON "Mailbox"("environmentId", "isActive", "name");

-- CreateIndex
CREATE INDEX "Mailbox_environmentId_emailAddressStatus_idx" ON "Mailbox"("environmentId", "emailAddressStatus");

-- CreateIndex
CREATE INDEX "Mailbox_environmentId_serverProfileId_idx" ON "Mailbox"("environmentId", "serverProfileId");

-- CreateIndex
CREATE INDEX "Mailbox_environmentId_emailAddress_idx" ON "Mailbox"("environmentId", "emailAddress");

-- AddForeignKey
ALTER TABLE "Environment" ADD CONSTRAINT "Environment_defaultServerProfileId_fkey" FOREIGN KEY ("defaultServerProfileId") REFERENCES "ServerProfile"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SecurityRole" ADD CONSTRAINT "SecurityRole_environmentId_fkey" FOREIGN KEY ("environmentId") REFERENCES "Environment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RolePrivilege" ADD CONSTRAINT "RolePrivilege_roleId_fkey" FOREIGN KEY ("roleId") REFERENCES "SecurityRole"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserSecurityRole" ADD CONSTRAINT "UserSecurityRole_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserSecurityRole" ADD CONSTRAINT "UserSecurityRole_roleId_fkey" FOREIGN KEY ("roleId") REFERENCES "SecurityRole"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServerProfile" ADD CONSTRAINT "ServerProfile_environmentId_fkey" FOREIGN KEY ("environmentId") REFERENCES "Environment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServerProfile" ADD CONSTRAINT "ServerProfile_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mailbox" ADD CONSTRAINT "Mailbox_environmentId_fkey" FOREIGN KEY ("environmentId") REFERENCES "Environment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mailbox" ADD CONSTRAINT "Mailbox_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mailbox" ADD CONSTRAINT "Mailbox_serverProfileId_fkey" FOREIGN KEY ("serverProfileId") REFERENCES "ServerProfile"("id") ON DELETE SET NULL ON UPDATE CASCADE;

