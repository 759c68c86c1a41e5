import { wantsJsonOnly } from '../arguments.ts';
import type { CliCommand } from '../command.ts';
import { withServices } from '../open-data.ts';

export const applicantsListCommand: CliCommand = {
  words: ['applicants', 'list'],
  usage: 'applicants list [--json]',
  summary: '列出申报单位',
  run: (args, ctx) => {
    const json = wantsJsonOnly(args, applicantsListCommand.usage);
    return withServices(ctx, 'read', 'applicants list', async ({ handlers }) => {
      const applicants = await handlers['applicants:list']({});
      if (json) ctx.stdout(`${JSON.stringify(applicants, null, 2)}\n`);
      else if (applicants.length === 0) ctx.stdout(`（${ctx.dataDir} 中还没有申报单位）\n`);
      else for (const a of applicants) ctx.stdout(`${a.id}\t${a.name}\t${a.creditCode || '（未填信用代码）'}\n`);
      return 0;
    });
  },
};

export const applicationsListCommand: CliCommand = {
  words: ['applications', 'list'],
  usage: 'applications list [--json]',
  summary: '列出申报项目',
  run: (args, ctx) => {
    const json = wantsJsonOnly(args, applicationsListCommand.usage);
    return withServices(ctx, 'read', 'applications list', async ({ handlers }) => {
      const applicants = new Map((await handlers['applicants:list']({})).map((a) => [a.id, a.name]));
      const applications = await handlers['applications:list']({});
      if (json) ctx.stdout(`${JSON.stringify(applications, null, 2)}\n`);
      else if (applications.length === 0) ctx.stdout(`（${ctx.dataDir} 中还没有申报项目）\n`);
      else {
        for (const a of applications) {
          ctx.stdout(`${a.id}\t${applicants.get(a.applicantId) ?? '?'}\t${a.profileId}\t${a.year}\t${a.status}\n`);
        }
      }
      return 0;
    });
  },
};
