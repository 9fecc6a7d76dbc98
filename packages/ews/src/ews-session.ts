import { stepDetail, type LabelledMessage } from '@sync-admin/domain';
import {
  BodyType,
  ConnectingIdType,
  DeleteMode,
  EmailMessage,
  ExchangeService,
  ExchangeVersion,
  Folder,
  FolderId,
  ImpersonatedUserId,
  Mailbox,
  MessageBody,
  OAuthCredentials,
  Uri,
  WebCredentials,
  WellKnownFolderName,
  type ExchangeCredentials,
} from 'ews-javascript-api';
import type { ChannelPlan } from './connection-plan.ts';
import type { EwsTransport } from './ews-transport.ts';

/** The well-known folders Test & Enable opens. */
export type CheckedFolder = 'inbox' | 'calendar' | 'contacts' | 'tasks';

const FOLDERS: Record<CheckedFolder | 'drafts', WellKnownFolderName> = {
  inbox: WellKnownFolderName.Inbox,
  calendar: WellKnownFolderName.Calendar,
  contacts: WellKnownFolderName.Contacts,
  tasks: WellKnownFolderName.Tasks,
  drafts: WellKnownFolderName.Drafts,
};

export const DRAFT_SUBJECT = 'Sync Admin mailbox test (deleted automatically)';

/**
 * Exchange2013_SP1: the newest version the EWS schema used in the tests knows, and what Exchange 2013 SP1 and
 * later (and Exchange Online) accept. The library can send V2017+ names, which older servers refuse.
 */
const REQUESTED_VERSION = ExchangeVersion.Exchange2013_SP1;

/** The library's credentials: the transport replaces Basic by the profile's protocol; a bearer token goes as is. */
export function libraryCredentials(plan: ChannelPlan, accessToken: string | null): ExchangeCredentials {
  return plan.credential.kind === 'oauth'
    ? new OAuthCredentials(accessToken ?? '', true)
    : new WebCredentials(plan.credential.userName, plan.credential.password);
}

/**
 * One ExchangeService for a channel plan: impersonation (ExchangeImpersonation plus X-AnchorMailbox, which
 * Exchange Online routes by), or delegate access (folder ids naming the mailbox), or the account's own mailbox.
 */
export class EwsSession {
  private readonly service: ExchangeService;

  constructor(
    private readonly plan: ChannelPlan,
    readonly transport: EwsTransport,
    private currentUrl: string,
    accessToken: string | null,
  ) {
    this.service = new ExchangeService(REQUESTED_VERSION);
    this.service.XHRApi = transport;
    this.service.Credentials = libraryCredentials(plan, accessToken);
    this.service.Url = new Uri(currentUrl);
    if (plan.access === 'impersonate') {
      this.service.ImpersonatedUserId = new ImpersonatedUserId(ConnectingIdType.SmtpAddress, plan.mailbox);
      this.service.HttpHeaders.Add('X-AnchorMailbox', plan.mailbox);
    }
  }

  get url(): string {
    return this.currentUrl;
  }

  /** Autodiscover found the mailbox elsewhere. */
  moveTo(url: string): void {
    this.currentUrl = url;
    this.service.Url = new Uri(url);
  }

  /** GetFolder on a well-known folder. Folder.Bind accepts any folder class in the answer (typed binds do not). */
  async bindFolder(folder: CheckedFolder): Promise<LabelledMessage> {
    const bound = await Folder.Bind(this.service, this.folderId(folder));
    return stepDetail('FOLDER_ITEMS', { folder: bound.DisplayName || folder, count: bound.TotalCount ?? 0 });
  }

  /** CreateItem with MessageDisposition=SaveOnly into Drafts: proves the account may create mail, without sending any. */
  async saveDraft(): Promise<EmailMessage> {
    const message = new EmailMessage(this.service);
    message.Subject = DRAFT_SUBJECT;
    message.Body = new MessageBody(BodyType.HTML, 'test');
    await message.Save(this.folderId('drafts'));
    return message;
  }

  /** DeleteItem HardDelete: the draft leaves no trace, not even in Deleted Items. */
  async deleteDraft(message: EmailMessage): Promise<void> {
    await message.Delete(DeleteMode.HardDelete);
  }

  private folderId(folder: CheckedFolder | 'drafts'): FolderId {
    return this.plan.access === 'delegate'
      ? new FolderId(FOLDERS[folder], new Mailbox(this.plan.mailbox))
      : new FolderId(FOLDERS[folder]);
  }
}
